using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Tests.Content;

/// <summary>The 'travel', 'history' and 'seen_at' fields: parsed into records, and every mistake a positioned diagnostic.</summary>
public sealed class JourneyContentTests
{
    private const string File = "claims/probiotics-help.md";

    private const string HypeGap = "hype_gap: The article generalises from rats to people.\n";

    private const string Journey = """
        travel:
          study: The probiotic normalised hypersensitivity in rats.
          study_source: study-a
          feature: "Animal studies show one strain helps."
          entered: summary
        history:
          - date: 2026-11-01
            change: First review.
            why: The claim was added.
        hype_gap: The article generalises from rats to people.

        """;

    private static string Claim(string frontMatterExtra) =>
        TestContent.ClaimMarkdown(new TestClaim(7, "probiotics-help")).Replace("reviewed:", frontMatterExtra.Replace("\r\n", "\n", StringComparison.Ordinal) + "reviewed:", StringComparison.Ordinal);

    private static (ClaimDocument? Claim, IReadOnlyList<ContentDiagnostic> Diagnostics) Parse(string markdown)
    {
        var bag = new DiagnosticBag(File);
        return (ClaimParser.Parse(File, markdown, bag), bag.Items);
    }

    [Fact]
    public void Travel_and_history_become_records()
    {
        var (claim, diagnostics) = Parse(Claim(Journey));

        Assert.Empty(diagnostics);
        Assert.NotNull(claim?.Travel);
        Assert.Equal("study-a", claim.Travel.StudySource);
        Assert.Equal("Animal studies show one strain helps.", claim.Travel.Feature);
        Assert.Equal(OverstatementEntry.Summary, claim.Travel.Entered);
        var entry = Assert.Single(claim.History);
        Assert.Equal(new DateOnly(2026, 11, 1), entry.Date);
        Assert.Equal("First review.", entry.Change);
        Assert.Equal("The claim was added.", entry.Why);
    }

    [Fact]
    public void A_claim_without_travel_or_history_still_parses()
    {
        var (claim, diagnostics) = Parse(Claim(""));

        Assert.Empty(diagnostics);
        Assert.Null(claim!.Travel);
        Assert.Empty(claim.History);
    }

    [Fact]
    public void A_feature_quotation_of_two_sentences_is_an_error_at_the_quotation()
    {
        var (_, diagnostics) = Parse(Claim(Journey.Replace("\"Animal studies show one strain helps.\"", "\"One sentence. Another sentence.\"", StringComparison.Ordinal)));

        var d = Assert.Single(diagnostics);
        Assert.Equal($"{File}:12:12: error: 'feature' quotes more than one sentence of the Nature feature; quote one sentence at most (up to 300 characters).", d.ToString());
    }

    [Fact]
    public void An_unknown_entry_point_is_an_error_naming_the_choices()
    {
        var (_, diagnostics) = Parse(Claim(Journey.Replace("entered: summary", "entered: press", StringComparison.Ordinal)));

        var d = Assert.Single(diagnostics);
        Assert.Equal(13, d.Line);
        Assert.Contains("entered 'press' is not one of: abstract, feature, summary, none", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Travel_without_a_feature_quotation_needs_a_note()
    {
        var (_, diagnostics) = Parse(Claim(Journey.Replace("  feature: \"Animal studies show one strain helps.\"\n", "", StringComparison.Ordinal)));

        Assert.Contains(diagnostics, d => d.Message.Contains("say in 'feature_note' why there is none", StringComparison.Ordinal));
    }

    [Fact]
    public void A_history_entry_without_a_reason_is_an_error_at_the_entry()
    {
        var (_, diagnostics) = Parse(Claim(Journey.Replace("    why: The claim was added.\n", "", StringComparison.Ordinal)));

        var d = Assert.Single(diagnostics);
        Assert.Equal($"{File}:15:5: error: missing required field 'why'.", d.ToString());
    }

    [Fact]
    public void A_misspelt_history_key_is_reported_with_a_suggestion()
    {
        var (_, diagnostics) = Parse(Claim(Journey.Replace("    why:", "    wyh:", StringComparison.Ordinal)));

        Assert.Contains(diagnostics, d => d.Message.Contains("unknown key 'wyh' in a history entry; did you mean 'why'?", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_rejects_a_study_the_claim_does_not_cite_and_a_history_after_reviewed()
    {
        var root = TestContent.Create([]);
        System.IO.File.WriteAllText(Path.Combine(root, "claims", "probiotics-help.md"), Claim(Journey
            .Replace("study_source: study-a", "study_source: study-b", StringComparison.Ordinal)
            .Replace("date: 2026-11-01", "date: 2026-12-01", StringComparison.Ordinal)));
        System.IO.File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\n[[claim:probiotics-help]]\n", "C7"));

        var errors = ContentReader.Read(root).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("claims/probiotics-help.md:11:17: error: travel study_source 'study-b' is not one of this claim's sources", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the history has an entry of 2026-12-01, after 'reviewed' (2026-11-01)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HypeGap, "", "claims/probiotics-help.md:10:3: error: travel 'entered' is 'summary' but the claim has no hype_gap")]
    [InlineData("entered: summary", "entered: none", "claims/probiotics-help.md:10:3: error: the claim has a hype_gap but travel 'entered' is 'none'")]
    public void Where_the_overstatement_entered_must_agree_with_the_hype_gap(string find, string replace, string expected)
    {
        var root = TestContent.Create([]);
        System.IO.File.WriteAllText(Path.Combine(root, "claims", "probiotics-help.md"), Claim(Journey.Replace(find, replace, StringComparison.Ordinal)));
        System.IO.File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\n[[claim:probiotics-help]]\n", "C7"));

        var errors = ContentReader.Read(root).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count(e => e.Contains(expected, StringComparison.Ordinal)) == 1, string.Join("\n", errors));
    }

    [Fact]
    public void A_hype_gap_with_where_it_entered_is_silent()
    {
        var root = TestContent.Create([]);
        System.IO.File.WriteAllText(Path.Combine(root, "claims", "probiotics-help.md"), Claim(Journey));
        System.IO.File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\n[[claim:probiotics-help]]\n", "C7"));

        Assert.DoesNotContain(ContentReader.Read(root).Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Seen_at_is_read_per_field_and_a_bad_address_or_field_is_an_error_at_its_position()
    {
        var bag = new DiagnosticBag("sources.yml");
        var sources = ReferenceDataParser.ParseSources("""
            - key: study-a
              authors: A
              title: T
              doi: 10.1000/a.1
              verified: verified
              seen_at:
                entry: https://pubmed.ncbi.nlm.nih.gov/1/
                doi: https://doi.org/10.1000/a.1
            - key: study-b
              authors: B
              title: U
              doi: 10.1000/b.1
              verified: verified
              seen_at:
                doi: not-a-url
                colour: https://example.org/
            """, bag);

        Assert.Equal("https://doi.org/10.1000/a.1", sources[0].SeenAt["doi"]);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/1/", sources[0].SeenAt["entry"]);
        Assert.Equal(
            [
                "sources.yml:15:10: error: seen_at 'doi' must be the absolute http(s) address of the page where it was seen.",
                "sources.yml:16:5: error: 'colour' in 'seen_at' is not a source field; use 'entry' or a field such as doi, pmid, year or n.",
            ],
            bag.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void A_level_changed_without_a_new_history_entry_is_a_positioned_warning()
    {
        var root = TestContent.Create([]);
        System.IO.File.WriteAllText(Path.Combine(root, "claims", "probiotics-help.md"), Claim(Journey).Replace("evidence: animal-study", "evidence: human-trial", StringComparison.Ordinal));
        System.IO.File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\n[[claim:probiotics-help]]\n", "C7"));
        var content = ContentReader.Read(root).Content!;
        var before = new Dictionary<string, ReviewChangeCheck.Previous> { ["C7"] = new("animal-study", 1, new DateOnly(2026, 11, 1)) };

        var warning = Assert.Single(ReviewChangeCheck.Compare(content, before));

        Assert.EndsWith("claims/probiotics-help.md:5:11: warning: the level changed from 'animal-study' to 'human-trial' since the store this build replaces, but 'history' has no new entry; add '- date: …, change: …, why: …' so readers see the change on /changes.", warning.ToString());
    }

    [Fact]
    public void A_level_change_with_a_new_history_entry_or_an_unchanged_level_is_silent()
    {
        var root = TestContent.Create([]);
        System.IO.File.WriteAllText(Path.Combine(root, "claims", "probiotics-help.md"), Claim(Journey).Replace("evidence: animal-study", "evidence: human-trial", StringComparison.Ordinal));
        System.IO.File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\n[[claim:probiotics-help]]\n", "C7"));
        var content = ContentReader.Read(root).Content!;

        Assert.Empty(ReviewChangeCheck.Compare(content, new Dictionary<string, ReviewChangeCheck.Previous> { ["C7"] = new("animal-study", 0, null) }));
        Assert.Empty(ReviewChangeCheck.Compare(content, new Dictionary<string, ReviewChangeCheck.Previous> { ["C7"] = new("human-trial", 1, new DateOnly(2026, 11, 1)) }));
    }
}
