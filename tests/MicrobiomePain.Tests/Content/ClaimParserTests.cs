using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

public sealed class ClaimParserTests
{
    private static readonly string Valid = TestContent.ClaimMarkdown(new TestClaim(7, "probiotics-help", Aliases: ["old-slug"]));

    private static (ClaimDocument? Claim, IReadOnlyList<ContentDiagnostic> Diagnostics) Parse(string markdown, string file = "claims/probiotics-help.md")
    {
        var bag = new DiagnosticBag(file);
        return (ClaimParser.Parse(file, markdown, bag), bag.Items);
    }

    private static ContentDiagnostic Single(string markdown)
    {
        var (claim, diagnostics) = Parse(markdown);
        Assert.Null(claim);
        return Assert.Single(diagnostics);
    }

    [Fact]
    public void A_valid_claim_becomes_a_record_with_its_sections()
    {
        var (claim, diagnostics) = Parse(Valid);

        Assert.Empty(diagnostics);
        Assert.NotNull(claim);
        Assert.Equal("C7", claim.Id);
        Assert.Equal("probiotics-help", claim.Slug);
        Assert.Equal(["old-slug"], claim.Aliases);
        Assert.Equal(["fibromyalgia"], claim.Conditions);
        Assert.Equal("animal-study", claim.Evidence);
        Assert.Equal(new DateOnly(2026, 11, 1), claim.Reviewed);
        Assert.Equal("<p>Summary of claim 7.</p>", claim.SummaryHtml);
        Assert.Equal("Summary of claim 7.", claim.SummaryText);
        Assert.Equal("<p>What study A did.</p>", claim.EvidenceHtml);
        Assert.Equal(["<p>First caveat of 7.</p>", "<p>Second caveat.</p>"], claim.CaveatsHtml);
        Assert.Equal("study-a", Assert.Single(claim.Sources).Key);
        Assert.Equal(SourceRelations.Supports, claim.Sources[0].Relation);
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_front_matter()
    {
        var d = Single(Valid.Replace("evidence: animal-study\n", "", StringComparison.Ordinal));

        Assert.Equal("claims/probiotics-help.md:2:1: error: missing required field 'evidence'.", d.ToString());
    }

    [Fact]
    public void A_misspelt_key_is_reported_at_its_line_with_a_suggestion()
    {
        var d = Single(Valid.Replace("conditions:", "condtions:", StringComparison.Ordinal).Replace("title:", "conditions: [fibromyalgia]\ntitle:", StringComparison.Ordinal));

        Assert.Equal(5, d.Line);
        Assert.Equal(1, d.Column);
        Assert.Contains("unknown key 'condtions'", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'conditions'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_is_reported_at_the_value()
    {
        var d = Single(Valid.Replace("reviewed: 2026-11-01", "reviewed: 24/11/2026", StringComparison.Ordinal));

        Assert.Equal(10, d.Line);
        Assert.Equal(11, d.Column);
        Assert.Contains("YYYY-MM-DD", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_the_file_line()
    {
        var d = Single(Valid.Replace("title: Claim number 7", "title: [unclosed", StringComparison.Ordinal));

        Assert.StartsWith("malformed YAML", d.Message, StringComparison.Ordinal);
        Assert.InRange(d.Line, 3, 5);
    }

    [Fact]
    public void A_key_given_twice_is_reported_at_the_second_not_thrown()
    {
        // A merge that joins two history entries can leave one mapping with the same key twice; YamlDotNet throws for it
        // while building the tree, after the parser succeeded, which once crashed the build instead of reporting a line.
        var d = Single(Valid.Replace("title: Claim number 7", "title: Claim number 7\ntitle: Claim number 7 again", StringComparison.Ordinal));

        Assert.StartsWith("malformed YAML", d.Message, StringComparison.Ordinal);
        Assert.Contains("once", d.Message, StringComparison.Ordinal);
        Assert.InRange(d.Line, 3, 6);
    }

    [Fact]
    public void A_file_without_front_matter_is_rejected()
    {
        var d = Single("Just text.\n");

        Assert.Equal(1, d.Line);
        Assert.Contains("no front matter", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_that_is_not_C_and_a_number_is_rejected()
    {
        var d = Single(Valid.Replace("id: C7", "id: C07", StringComparison.Ordinal));

        Assert.Equal(2, d.Line);
        Assert.Equal(5, d.Column);
    }

    [Fact]
    public void An_unknown_section_heading_is_reported_at_its_line()
    {
        var d = Single(Valid.Replace("## Evidence", "## Evidense", StringComparison.Ordinal).Replace("## Caveats", "## Evidence\n\nx\n\n## Caveats", StringComparison.Ordinal));

        Assert.Equal(14, d.Line);
        Assert.Contains("unknown section '## Evidense'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_without_caveats_is_rejected()
    {
        var markdown = Valid[..Valid.IndexOf("## Caveats", StringComparison.Ordinal)];

        var d = Single(markdown);

        Assert.Contains("missing '## Caveats'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_javascript_link_is_rejected_at_its_position()
    {
        var d = Single(Valid.Replace("What study A did.", "See [this](javascript:alert(1)).", StringComparison.Ordinal));

        Assert.Equal(16, d.Line);
        Assert.Equal(5, d.Column);
        Assert.Contains("not allowed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_the_body_is_reported_at_its_position()
    {
        var d = Single(Valid.Replace("What study A did.", "What <script>alert(1)</script> did.", StringComparison.Ordinal));

        Assert.Equal(16, d.Line);
        Assert.Equal(6, d.Column);
        Assert.Contains("raw HTML '<script>' is not allowed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rendering_pipeline_never_emits_raw_html()
    {
        var html = ContentMarkdown.RenderBlocks(ContentMarkdown.Parse("What <script>alert(1)</script> did.\n\n<div onclick=x>block</div>\n"));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_can_carry_a_relation_and_a_note()
    {
        var (claim, diagnostics) = Parse(Valid.Replace(
            "sources: [study-a]", "sources:\n  - key: study-a\n    relation: contradicts\n    note: the largest study", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
        var source = Assert.Single(claim!.Sources);
        Assert.Equal(SourceRelations.Contradicts, source.Relation);
        Assert.Equal("the largest study", source.Note);
    }

    [Fact]
    public void An_unknown_source_relation_is_reported()
    {
        var d = Single(Valid.Replace("sources: [study-a]", "sources:\n  - key: study-a\n    relation: proves", StringComparison.Ordinal));

        Assert.Equal(11, d.Line);
        Assert.Contains("relation 'proves'", d.Message, StringComparison.Ordinal);
    }
}
