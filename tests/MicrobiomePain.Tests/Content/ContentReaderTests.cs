using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

public sealed class ContentReaderTests
{
    private static List<ContentDiagnostic> Errors(string root)
    {
        var result = ContentReader.Read(root);
        Assert.False(result.Succeeded);
        Assert.Null(result.Content);
        return result.Diagnostics.Where(d => d.IsError).ToList();
    }

    [Fact]
    public void Valid_content_reads_with_no_diagnostics()
    {
        var root = TestContent.Create([new TestClaim(1, "one"), new TestClaim(2, "two", "human-trial")]);

        var result = ContentReader.Read(root);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["C1", "C2"], result.Content!.Claims.Select(c => c.Id));
        Assert.Equal(4, result.Content.Levels.Count);
        Assert.Equal(64, result.Content.Hash.Length);
    }

    [Fact]
    public void Unknown_condition_level_and_source_are_each_reported_in_the_claim_file()
    {
        var root = TestContent.Create([new TestClaim(1, "one", "guesswork", ["migraine"], Sources: ["nobody-2020"])]);

        var errors = Errors(root);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.EndsWith(Path.Combine("claims", "one.md"), e.File, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("unknown evidence level 'guesswork'", StringComparison.Ordinal) && e.Line == 5);
        Assert.Contains(errors, e => e.Message.StartsWith("unknown condition 'migraine'", StringComparison.Ordinal) && e.Line == 4);
        Assert.Contains(errors, e => e.Message.StartsWith("unknown source 'nobody-2020'", StringComparison.Ordinal) && e.Line == 8);
    }

    [Fact]
    public void A_kind_not_in_kinds_yml_is_reported_at_its_place_in_the_claim_file_with_the_kinds_to_use()
    {
        var root = TestContent.Create([new TestClaim(1, "one", Kind: "opinion")]);

        var error = Assert.Single(Errors(root));

        Assert.EndsWith(Path.Combine("claims", "one.md"), error.File, StringComparison.Ordinal);
        Assert.Equal((4, 7), (error.Line, error.Column));
        Assert.Equal("unknown kind 'opinion'; add it to kinds.yml or use one of: finding, uncertainty, forecast, advice.", error.Message);
    }

    [Fact]
    public void Kinds_are_read_from_kinds_yml_in_its_order_and_a_repeated_slug_is_reported_there()
    {
        var root = TestContent.Create([new TestClaim(1, "one", Kind: "advice")]);
        Assert.Equal(["finding", "uncertainty", "forecast", "advice"], ContentReader.Read(root).Content!.Kinds.Select(k => k.Slug));

        File.AppendAllText(Path.Combine(root, "kinds.yml"), "\n- slug: advice\n  name: Advice again\n  description: Twice.\n");
        var error = Assert.Single(Errors(root));

        Assert.EndsWith("kinds.yml", error.File, StringComparison.Ordinal);
        Assert.Equal(13, error.Line);
        Assert.StartsWith("kind slug 'advice' is already used at line 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        var root = TestContent.Create([new TestClaim(1, "one"), new TestClaim(1, "other")]);

        var error = Assert.Single(Errors(root));

        Assert.Contains("id 'C1' is already used", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_alias_that_collides_with_another_claims_slug_is_reported()
    {
        var root = TestContent.Create([new TestClaim(1, "one"), new TestClaim(2, "two", Aliases: ["one"])]);

        var error = Assert.Single(Errors(root));

        Assert.Contains("alias 'one' collides", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_doi_and_pmid_in_sources_are_reported_at_their_lines()
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        File.WriteAllText(Path.Combine(root, "sources.yml"), TestContent.Sources
            .Replace("doi: 10.1000/a.1", "doi: https://doi.org/10.1000/a.1", StringComparison.Ordinal)
            .Replace("pmid: \"12345\"", "pmid: PM12345", StringComparison.Ordinal));

        var errors = Errors(root);

        Assert.Contains(errors, e => e.File.EndsWith("sources.yml", StringComparison.Ordinal) && e.Line == 5 && e.Column == 8 && e.Message.StartsWith("doi", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("sources.yml", StringComparison.Ordinal) && e.Line == 6 && e.Message.StartsWith("pmid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_not_thrown()
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        File.WriteAllBytes(Path.Combine(root, "claims", "latin1.md"), [0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0xE9, 0x0A]);

        var error = Assert.Single(Errors(root));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_empty_claim_file_is_reported()
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        File.WriteAllText(Path.Combine(root, "claims", "empty.md"), "");

        var error = Assert.Single(Errors(root));

        Assert.Equal("the file is empty.", error.Message);
    }

    [Fact]
    public void The_hash_changes_when_any_file_changes_and_only_then()
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        var before = ContentHash.Of(root);

        Assert.Equal(before, ContentHash.Of(root));
        File.AppendAllText(Path.Combine(root, "conditions.yml"), "\n# a comment\n");
        Assert.NotEqual(before, ContentHash.Of(root));
    }

    [Fact]
    public void The_shipped_content_reads_with_no_diagnostics()
    {
        var result = ContentReader.Read(TestContent.Shipped());

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(result.Succeeded);
        Assert.True(result.Content!.Claims.Count >= 5);
        Assert.True(result.Content.Claims.Select(c => c.Evidence).Distinct().Count() >= 3);
        Assert.True(result.Content.Claims.SelectMany(c => c.Conditions).Distinct().Count() >= 3);
    }
}
