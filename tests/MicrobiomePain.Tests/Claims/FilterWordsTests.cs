using MicrobiomePain.Web.Claims;

namespace MicrobiomePain.Tests.Claims;

public sealed class FilterWordsTests
{
    private static readonly FilterVocabulary Vocabulary = new(
        [new LevelBadge("animal-study", "Animal study", "◔", 2), new LevelBadge("human-trial", "Human trial", "●", 4)],
        [new ConditionRef("fibromyalgia", "Fibromyalgia"), new ConditionRef("endometriosis", "Endometriosis")]);

    [Fact]
    public void The_list_title_and_the_breadcrumb_name_the_same_choices_in_the_vocabulary_order()
    {
        var filter = ClaimFilter.All with { Conditions = ["endometriosis", "fibromyalgia"], Levels = ["human-trial"], Query = "pain", Page = 2 };

        var words = FilterWords.Describe(filter, Vocabulary);

        Assert.Equal("Claims: Fibromyalgia or Endometriosis; Human trial; page 2", words.Title());
        Assert.Equal("Claims: Fibromyalgia, Endometriosis, Human trial, “pain”", words.Breadcrumb());
    }

    [Fact]
    public void An_unfiltered_list_is_titled_claims() =>
        Assert.Equal("Claims", FilterWords.Describe(ClaimFilter.All, Vocabulary).Title());

    [Fact]
    public void Every_dimension_is_named_in_the_title_and_the_breadcrumb_certainty_verdict_and_kind_included()
    {
        var vocabulary = Vocabulary with
        {
            Facets = new Dictionary<string, IReadOnlyList<FacetTerm>> { ["kind"] = [new("finding", "Finding"), new("forecast", "Forecast"), new("advice", "Advice")] },
        };
        var filter = (ClaimFilter.All with
        {
            Conditions = ["fibromyalgia"], MinLevel = "animal-study", MinRank = 2, Certainties = ["low", "high"], Verdicts = ["accurate"], Query = "pain",
        }).Choosing(FilterDimensions.Kind, ["forecast", "finding"]);

        var words = FilterWords.Describe(filter, vocabulary);

        Assert.Equal("Claims: Fibromyalgia; at least Animal study; certainty high or low; verdict accurate; Finding or Forecast", words.Title());
        Assert.Equal("Claims: Fibromyalgia, at least Animal study, certainty high or low, verdict accurate, Finding, Forecast, “pain”", words.Breadcrumb());
    }
}
