using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Commands;
using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

/// <summary>
/// The floor the strength rule reached on the two expert-coded sets (docs/statement-strength.md gives the figures), so a
/// later change cannot silently lose accuracy. The sets are read from the shared folder, never copied in.
/// </summary>
public sealed class StrengthFloorTests
{
    [Fact]
    public void The_rule_keeps_its_macro_F1_on_the_InSciOut_pairs()
    {
        var set = LabelledSentences.Read(SharedFiles.Path("data", "insciout_train.jsonl"));
        Assert.Empty(set.Problems);
        Assert.Equal(100, set.Pairs.Count);

        Assert.True(StrengthCommand.RelationScore("", set.Sentences, StrengthConvention.InSciOut).MacroF1 >= 0.64);
        Assert.True(StrengthCommand.ExaggerationScore(set.Pairs).MacroF1 >= 0.69);
    }

    [Fact]
    public void The_rule_keeps_its_macro_F1_on_both_parts_of_the_PubMed_set()
    {
        var set = LabelledSentences.Read(SharedFiles.Path("data", "pubmed_causal_language_use.csv"));
        Assert.Empty(set.Problems);
        Assert.Equal(3061, set.Sentences.Count);
        var heldBack = set.Sentences.Where(s => StrengthSplit.IsHeldBack(s.Sentence)).ToList();
        var development = set.Sentences.Where(s => !StrengthSplit.IsHeldBack(s.Sentence)).ToList();
        Assert.Equal(608, heldBack.Count);

        Assert.True(StrengthCommand.RelationScore("", development, StrengthConvention.InSciOut).MacroF1 >= 0.66);
        Assert.True(StrengthCommand.RelationScore("", heldBack, StrengthConvention.InSciOut).MacroF1 >= HeldBackFloor);
        Assert.True(StrengthCommand.RelationScore("", development, StrengthConvention.PubMed).MacroF1 >= 0.72);
    }

    private const double HeldBackFloor = 0.61;
}
