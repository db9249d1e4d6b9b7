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
}
