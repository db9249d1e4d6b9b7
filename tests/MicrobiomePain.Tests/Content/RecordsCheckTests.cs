using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

/// <summary>
/// What the records check of 2026-12-06 found (issue 30) stays fixed in the shipped content, industry ties are judged
/// alike everywhere, and the studies it found stay cited where they bear.
/// </summary>
public sealed class RecordsCheckTests
{
    // Read once: these tests look at the content only, so they need no running app.
    private static readonly Lazy<ContentSet> Shipped = new(() =>
        ContentReader.Read(TestContent.Shipped()).Content ?? throw new InvalidOperationException("shipped content does not read"));

    private static readonly string[] ConcernJudgements = ["some-concerns", "high"];

    private static Dictionary<string, Source> Sources => Shipped.Value.Sources.ToDictionary(s => s.Key);

    private static Dictionary<string, ClaimDocument> Claims => Shipped.Value.Claims.ToDictionary(c => c.Id);

    // A claim about the research shows its verdict's reason where an effect claim shows its supported statement.
    private static string Statement(string claimId) => Claims[claimId].Grading.SupportedStatement ?? Claims[claimId].Grading.Verdict?.Reason ?? "";

    private static ClaimSourceRef Cited(string claimId, string key) => Claims[claimId].Sources.Single(s => s.Key == key);

    [Fact]
    public void A_source_whose_authors_or_funders_include_the_maker_of_what_it_tested_is_never_judged_free_of_concerns()
    {
        var tied = Shipped.Value.Sources.Where(s => s.RiskOfBiasReason?.Contains("the maker of", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(tied, s => s.Key == "johnson-2011");
        Assert.Contains(tied, s => s.Key == "ait-belgnaoui-2018");
        Assert.All(tied, s => Assert.All(s.Parts, p => Assert.Contains(p.RiskOfBias, ConcernJudgements)));
    }

    [Fact]
    public void The_bibliographic_defects_of_the_records_check_stay_fixed()
    {
        var sources = Sources;

        Assert.Contains("journal", sources["minerbi-2019"].PartlyVerified);
        Assert.DoesNotContain("rin.pw", sources["nature-feature-2024"].SeenAt["journal"], StringComparison.Ordinal);
        Assert.Contains("address", sources["nature-feature-2024"].Journal, StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "authors", "title", "n", "finding", "doi", "pmid" }, sources["pratt-2024"].PartlyVerified.ToHashSet());
        Assert.Contains("Procter & Gamble", sources["johnson-2011"].RiskOfBiasReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_claim_defects_of_the_records_check_stay_fixed()
    {
        var claims = Claims;

        // C11: no reversal in mice was shown, and McKernan 2010 did not treat established pain.
        Assert.DoesNotContain("rats and mice", Statement("C11"), StringComparison.Ordinal);
        Assert.DoesNotContain("most strains", Statement("C11"), StringComparison.Ordinal);
        Assert.Equal("indirect", Cited("C11", "mckernan-2010").Outcome);

        // C12 and C13: "may" does not hedge a prediction or read as permission; C12 keeps the mechanisms.
        Assert.DoesNotContain("may yet", Statement("C13"), StringComparison.Ordinal);
        Assert.DoesNotContain("may stay", Statement("C12"), StringComparison.Ordinal);
        Assert.Contains("how", Statement("C12"), StringComparison.Ordinal);
        Assert.Contains(claims["C13"].CaveatsHtml, c => c.Contains("peppermint oil", StringComparison.Ordinal));
        Assert.DoesNotContain(claims["C13"].CaveatsHtml, c => c.Contains("only probiotics were checked", StringComparison.Ordinal));

        // C8: the meta-analysis is not counted as showing single time points; C18: a study without pain does not contradict.
        Assert.NotEqual("direct", Cited("C8", "goudman-2024").Outcome);
        Assert.DoesNotContain("all single snapshots", Statement("C8"), StringComparison.Ordinal);
        Assert.Equal(SourceRelations.Context, Cited("C18", "perez-prieto-2024").Relation);
    }

    [Theory]
    [InlineData("green-2021", "C11", "supports")]
    [InlineData("green-2021", "C9", "context")]
    [InlineData("green-2021", "C10", "context")]
    [InlineData("weber-2022", "C1", "contradicts")]
    [InlineData("weber-2022", "C18", "contradicts")]
    [InlineData("bsg-2021", "C3", "partly-supports")]
    [InlineData("bsg-2021", "C12", "supports")]
    [InlineData("bsg-2021", "C13", "partly-supports")]
    [InlineData("goodoory-2023", "C3", "partly-supports")]
    [InlineData("goodoory-2023", "C12", "supports")]
    [InlineData("goodoory-2023", "C13", "supports")]
    [InlineData("mars-2020", "C8", "context")]
    public void Each_study_the_records_check_found_is_cited_where_it_bears(string key, string claimId, string relation)
    {
        Assert.Equal(relation, Cited(claimId, key).Relation);
        Assert.NotEmpty(Sources[key].Parts);
        Assert.NotEqual("verified", Sources[key].Verification);
    }
}
