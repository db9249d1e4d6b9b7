using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

public sealed class StatementStrengthTests
{
    [Theory]
    [InlineData("Probiotics reduce visceral pain in rats.", Relation.DirectCausal, "reduce")]
    [InlineData("Probiotics may reduce visceral pain in rats.", Relation.ConditionalCausal, "may,reduce")]
    [InlineData("Probiotics can reverse well-established pain.", Relation.ConditionalCausal, "can,reverse")]
    [InlineData("Lower microbial diversity was associated with more pain.", Relation.Correlational, "associated")]
    [InlineData("Fibre intake predicts fewer flares.", Relation.Correlational, "predicts")]
    [InlineData("Pain scores were reduced after twelve weeks.", Relation.Correlational, "reduced")]
    [InlineData("Fibre was not associated with pain.", Relation.NoRelationship, "not,associated")]
    [InlineData("Further research is needed on the microbiome in pain.", Relation.NoRelationship, "Further research")]
    [InlineData("The future of gut microbiome-based pain treatments is bright.", Relation.NoRelationship, "")]
    [InlineData("Eating fibre causes less pain, suggests a new study.", Relation.DirectCausal, "causes")]
    [InlineData("NO donors reduce pain in mice.", Relation.DirectCausal, "reduce")]
    public void The_rule_reads_the_relation_on_the_Sumner_scale_and_the_words_that_decided_it(string sentence, Relation expected, string words)
    {
        var (relation, cues, _) = StatementStrength.ReadRelation(sentence);

        Assert.Equal(expected, relation);
        Assert.Equal(words, string.Join(',', cues.Select(c => c.Phrase)));
        Assert.All(cues, c => Assert.Equal(c.Phrase, sentence.Substring(c.Start, c.Length)));
    }

    [Theory]
    [InlineData("Probiotics can reduce pain.", StrengthConvention.InSciOut, Relation.ConditionalCausal)]
    [InlineData("Probiotics can reduce pain.", StrengthConvention.PubMed, Relation.DirectCausal)]
    [InlineData("Probiotics did not reduce pain.", StrengthConvention.InSciOut, Relation.NoRelationship)]
    [InlineData("Probiotics did not reduce pain.", StrengthConvention.PubMed, Relation.DirectCausal)]
    [InlineData("Clinicians should reduce opioid doses.", StrengthConvention.InSciOut, Relation.DirectCausal)]
    [InlineData("Clinicians should reduce opioid doses.", StrengthConvention.PubMed, Relation.NoRelationship)]
    public void The_two_data_sets_conventions_differ_where_their_readme_says(string sentence, StrengthConvention convention, Relation expected) =>
        Assert.Equal(expected, StatementStrength.ReadRelation(sentence, convention).Item1);

    [Theory]
    [InlineData("Animal studies have shown that specific probiotic strains can reverse well-established pain.", ArticleStrength.Can)]
    [InlineData("Research suggests that manipulating the gut microbiome could potentially alleviate chronic pain.", ArticleStrength.May)]
    [InlineData("Trials have demonstrated that probiotics may help.", ArticleStrength.May)]
    [InlineData("the exact mechanisms by which specific bacteria impact pain remain elusive.", ArticleStrength.StatesUncertainty)]
    [InlineData("Fibre reduces pain.", ArticleStrength.Established)]
    [InlineData("The data do not suggest a benefit.", ArticleStrength.Established)]
    public void The_hedging_follows_GRADEs_wording_ladder_and_a_booster_never_undoes_a_hedge(string sentence, ArticleStrength expected) =>
        Assert.Equal(expected, StatementStrength.Read(sentence).Strength);

    [Fact]
    public void Words_match_whole_words_only() =>
        Assert.Equal(Relation.NoRelationship, StatementStrength.Read("A significant scandal, mayhem and uncanny candour.").Relation);

    [Fact]
    public void An_override_needs_a_reason_and_keeps_the_words_own_reading_beside_it()
    {
        var reading = StatementStrength.Read("fecal microbiota transplants", ArticleStrength.May, "A fragment of a sentence hedged by 'may'.");

        Assert.Equal(ArticleStrength.May, reading.Strength);
        Assert.Equal(ArticleStrength.Established, reading.WordsStrength);
        Assert.True(reading.Overridden);
        Assert.Contains("the words alone read as unhedged", reading.Explanation, StringComparison.Ordinal);
        Assert.Equal(ArticleStrength.Established, StatementStrength.Read("fecal microbiota transplants", ArticleStrength.May, null).Strength);
    }

    [Theory]
    [InlineData(ArticleStrength.Established, Certainty.VeryLow, 3)]
    [InlineData(ArticleStrength.Established, Certainty.NoDirectEvidence, 3)]
    [InlineData(ArticleStrength.May, Certainty.Low, 0)]
    [InlineData(ArticleStrength.May, Certainty.High, 0)]
    [InlineData(ArticleStrength.Can, Certainty.Low, 1)]
    [InlineData(ArticleStrength.Established, Certainty.Moderate, 1)]
    [InlineData(ArticleStrength.Established, Certainty.High, 0)]
    public void The_wording_step_is_hedging_minus_certainty_never_below_zero(ArticleStrength hedging, Certainty certainty, int steps) =>
        Assert.Equal(steps, Overstatement.WordingSteps(hedging, certainty));
}
