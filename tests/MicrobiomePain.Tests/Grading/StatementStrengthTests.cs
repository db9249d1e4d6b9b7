using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

public sealed class StatementStrengthTests
{
    [Theory]
    [InlineData("Animal studies have shown that specific probiotic strains can reverse well-established pain.", ArticleStrength.Established, "have shown")]
    [InlineData("Research suggests that manipulating the gut microbiome could potentially alleviate chronic pain.", ArticleStrength.May, "suggests,could,potentially")]
    [InlineData("the existing evidence suggests a strong link between the gut microbiome and pain perception.", ArticleStrength.Can, "suggests,strong link")]
    [InlineData("early life stress can have a long-lasting impact on the gut microbiome", ArticleStrength.Can, "can")]
    [InlineData("the exact mechanisms by which specific bacteria impact pain remain elusive.", ArticleStrength.StatesUncertainty, "remain elusive")]
    [InlineData("The future of gut microbiome-based pain treatments is bright.", ArticleStrength.Established, "")]
    [InlineData("Probiotics can probably help, and may not.", ArticleStrength.May, "can,probably,may")]
    public void The_lexicon_reads_the_strength_and_the_words_that_decided_it(string sentence, ArticleStrength expected, string words)
    {
        var reading = StatementStrength.Read(sentence);

        Assert.Equal(expected, reading.Strength);
        Assert.Equal(words.Length == 0 ? [] : words.Split(','), reading.Cues.Select(c => c.Phrase.ToLowerInvariant()));
        Assert.All(reading.Cues, c => Assert.Equal(c.Phrase, sentence.Substring(c.Start, c.Length)));
    }

    [Theory]
    [InlineData("Currently, there are no specific probiotics or supplements that are definitively recommended for chronic pain management.", ArticleStrength.Established, "definitively", true)]
    [InlineData("The data do not suggest a benefit.", ArticleStrength.Established, "suggest", true)]
    [InlineData("Probiotics cannot probably help.", ArticleStrength.Established, "probably", true)]
    [InlineData("It isn't clearly better.", ArticleStrength.Established, "clearly", true)]
    [InlineData("Studies have shown distinct differences compared to those without chronic pain.", ArticleStrength.Established, "have shown,distinct differences", false)]
    [InlineData("Not in mice, but the result could matter.", ArticleStrength.May, "could", false)]
    [InlineData("No one knows why, but it is not known.", ArticleStrength.StatesUncertainty, "not known", false)]
    [InlineData("There is no reason that, across a long and winding chain of many words, probiotics may help.", ArticleStrength.May, "may", false)]
    public void A_negated_cue_neither_boosts_nor_hedges(string sentence, ArticleStrength expected, string words, bool negated)
    {
        var reading = StatementStrength.Read(sentence);

        Assert.Equal(expected, reading.Strength);
        Assert.Equal(words.Split(','), reading.Cues.Select(c => c.Phrase.ToLowerInvariant()));
        Assert.All(reading.Cues, c => Assert.Equal(negated, c.Negated));
    }

    [Fact]
    public void A_negator_beyond_the_scope_does_not_govern_the_cue()
    {
        var far = "No " + string.Join(' ', Enumerable.Repeat("word", StatementStrength.NegationScopeWords)) + " may help.";
        var near = "No " + string.Join(' ', Enumerable.Repeat("word", StatementStrength.NegationScopeWords - 1)) + " may help.";

        Assert.Equal(ArticleStrength.May, StatementStrength.Read(far).Strength);
        Assert.Equal(ArticleStrength.Established, StatementStrength.Read(near).Strength);
    }

    [Fact]
    public void Phrases_match_whole_words_only() =>
        Assert.Empty(StatementStrength.FindCues("A significant scandal, mayhem and uncanny candour."));

    [Fact]
    public void An_override_needs_a_reason_and_keeps_the_words_shown()
    {
        var reading = StatementStrength.Read("fecal microbiota transplants", ArticleStrength.May, "A fragment of a sentence hedged by 'may'.");

        Assert.Equal(ArticleStrength.May, reading.Strength);
        Assert.True(reading.Overridden);
        Assert.Equal(ArticleStrength.Established, StatementStrength.Read("fecal microbiota transplants", ArticleStrength.May, null).Strength);
    }

    [Theory]
    [InlineData(ArticleStrength.Established, Certainty.VeryLow, 3)]
    [InlineData(ArticleStrength.Established, Certainty.NoDirectEvidence, 3)]
    [InlineData(ArticleStrength.May, Certainty.Low, 0)]
    [InlineData(ArticleStrength.May, Certainty.High, 0)]
    [InlineData(ArticleStrength.Can, Certainty.Low, 1)]
    [InlineData(ArticleStrength.StatesUncertainty, Certainty.NoDirectEvidence, 0)]
    public void The_overstatement_is_strength_minus_certainty_never_below_zero(ArticleStrength strength, Certainty certainty, int steps)
    {
        var grade = new CertaintyGrade(certainty, certainty, "", [], [], false);
        Assert.Equal(steps, Overstatement.Measure(strength, grade, new GradingInput("humans", []), "finding", "x").Steps);
    }

    [Fact]
    public void Exaggeration_types_follow_the_deciding_evidence()
    {
        var mice = new GradingSource("m", "supports", "animal-experiment", "animals", null, "not-assessed", "direct");
        var cohort = new GradingSource("c", "supports", "cohort", "humans", 50, "low", "direct");
        var grade = CertaintyRule.Grade(new GradingInput("humans", [mice]));
        Assert.Equal([Overstatement.AnimalToHumans], Overstatement.Measure(ArticleStrength.Established, grade, new GradingInput("humans", [mice]), "finding", "x").Types);

        var observational = CertaintyRule.Grade(new GradingInput("humans", [cohort]));
        Assert.Equal([Overstatement.CorrelationToCause], Overstatement.Measure(ArticleStrength.Established, observational, new GradingInput("humans", [cohort]), "finding", "Fibre reduces pain.").Types);
        Assert.Equal([Overstatement.AdviceBeyondEvidence], Overstatement.Measure(ArticleStrength.Established, observational, new GradingInput("humans", [cohort]), "advice", "Eat fibre.").Types);
        Assert.Empty(Overstatement.Measure(ArticleStrength.StatesUncertainty, observational, new GradingInput("humans", [cohort]), "advice", "Whether fibre helps is unknown.").Types);
    }

    [Theory]
    [InlineData("Probiotics reduce pain.", Certainty.High, true)]
    [InlineData("Probiotics may reduce pain.", Certainty.High, false)]
    [InlineData("Probiotics probably reduce pain.", Certainty.Moderate, true)]
    [InlineData("Probiotics reduce pain.", Certainty.Moderate, false)]
    [InlineData("Probiotics may reduce pain.", Certainty.Low, true)]
    [InlineData("Probiotics probably reduce pain.", Certainty.Low, false)]
    [InlineData("Probiotics may reduce pain; the evidence is very uncertain.", Certainty.Low, false)]
    [InlineData("Trials have shown probiotics may reduce pain.", Certainty.Low, false)]
    [InlineData("The evidence is very uncertain about whether probiotics reduce pain.", Certainty.VeryLow, true)]
    [InlineData("Probiotics may reduce pain.", Certainty.VeryLow, false)]
    [InlineData("There is no direct evidence that probiotics reduce pain.", Certainty.NoDirectEvidence, true)]
    [InlineData("Probiotics likely reduce pain; there is no direct evidence.", Certainty.NoDirectEvidence, false)]
    public void A_supported_statement_must_carry_its_certaintys_wording_and_none_stronger(string statement, Certainty certainty, bool fits) =>
        Assert.Equal(fits, SupportedStatement.Problem(statement, certainty) is null);
}
