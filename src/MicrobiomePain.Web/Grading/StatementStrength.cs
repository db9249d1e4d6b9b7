using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Grading;

/// <summary>
/// How sure a sentence sounds, the hedging axis, on four steps that line up with GRADE's wording of the certainty levels
/// (so the two can be compared): states uncertainty ("very uncertain"), may, probably / can, unhedged.
/// </summary>
public enum ArticleStrength
{
    StatesUncertainty = 1,
    May = 2,
    Can = 3,
    Established = 4,
}

public enum CueKind
{
    Causal,
    Correlational,
    Negation,
    Conditional,
    Uncertainty,
    Hedge,
    Can,
    Booster,
}

/// <summary>Whose coding conventions a reading follows (data/README: "can", negated relations, recommendations).</summary>
public enum StrengthConvention
{
    InSciOut,
    PubMed,
}

/// <summary>A word the rule found in the sentence: where it is, so the page can mark it, and whether a negation governs it.</summary>
public sealed record StrengthCue(string Phrase, int Start, int Length, CueKind Kind, bool Negated = false);

/// <summary>The sentence's relation and hedging, the words that decided each, and an author's override of the hedging if any.</summary>
public sealed record StrengthReading(
    Relation Relation, ArticleStrength Strength, IReadOnlyList<StrengthCue> Cues, string Explanation, string? OverrideReason,
    ArticleStrength WordsStrength)
{
    public bool Overridden => OverrideReason is not null;
}

/// <summary>
/// The strength rule (stated in words on /evidence/method): two readings of one sentence.
/// <list type="number">
/// <item>Relation, on the scale of Sumner et al. 2014 (0 none, 1 correlational, 2 conditional causal, 3 direct causal):
/// a sentence about research still needed states none; otherwise the relation words (<see cref="StrengthLexicon"/>) are
/// found, a change only observed ("an increase in", "was reduced" with no agent) counts as correlational, and a relation
/// word after a negator in its clause is negated. Only negated relation words: 0. The first unnegated correlational word
/// before any causal one: 1. An unnegated causal word: 2 with a modal hedge, else 3. No relation word: 0.</item>
/// <item>Hedging: a phrase stating uncertainty, else a "may" hedge, else "can"/"probably", else unhedged. Boosters are
/// marked but never undo a hedge. Hedges and boosters governed by a negation do not count.</item>
/// </list>
/// </summary>
public static partial class StatementStrength
{
    public static string Slug(ArticleStrength s) => s switch
    {
        ArticleStrength.StatesUncertainty => "states-uncertainty",
        ArticleStrength.May => "may",
        ArticleStrength.Can => "can",
        _ => "established",
    };

    public static string Name(ArticleStrength s) => s switch
    {
        ArticleStrength.StatesUncertainty => "States uncertainty",
        ArticleStrength.May => "Hedged (may, could, suggests)",
        ArticleStrength.Can => "Can / probably / likely",
        _ => "Unhedged",
    };

    public static string RelationName(Relation r) => r switch
    {
        Relation.NoRelationship => "no relationship",
        Relation.Correlational => "correlational",
        Relation.ConditionalCausal => "conditional causal",
        _ => "direct causal",
    };

    public static ArticleStrength? Parse(string slug) =>
        Enum.GetValues<ArticleStrength>().Cast<ArticleStrength?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    private static readonly Regex Causal = Words([.. StrengthLexicon.CausalScale, .. StrengthLexicon.CausalPubMed, .. StrengthLexicon.CausalInSciOut]);
    private static readonly Regex Correlational = Words([.. StrengthLexicon.CorrelationalScale, .. StrengthLexicon.CorrelationalPubMed]);
    private static readonly Regex Negator = Words(StrengthLexicon.Negators);
    private static readonly Regex Conditional = Words(StrengthLexicon.ConditionalHedges);
    private static readonly Regex ConditionalWithCan = Words([.. StrengthLexicon.ConditionalHedges, "can"]);
    private static readonly Regex ResearchNeeded = Words(StrengthLexicon.ResearchNeeded);
    private static readonly Regex Recommendation = Words(StrengthLexicon.Recommendation);
    private static readonly Regex Uncertainty = Words(StrengthLexicon.StatesUncertainty);
    private static readonly Regex MayHedge = Words(StrengthLexicon.MayHedges);
    private static readonly Regex ProbablyHedge = Words(StrengthLexicon.ProbablyHedges);
    private static readonly Regex Booster = Words(StrengthLexicon.Boosters);

    /// <summary>Reads a sentence; an author may set the hedging with a reason, and the words' own reading is kept beside it.</summary>
    public static StrengthReading Read(
        string sentence, ArticleStrength? authorOverride = null, string? overrideReason = null, StrengthConvention convention = StrengthConvention.InSciOut)
    {
        var (relation, relationCues, relationWhy) = ReadRelation(sentence, convention);
        var (strength, hedgeCues, hedgeWhy) = ReadHedging(sentence);
        var cues = relationCues.Concat(hedgeCues).GroupBy(c => c.Start).Select(g => g.First()).OrderBy(c => c.Start).ToList();
        var why = $"{relationWhy} {hedgeWhy}";
        return authorOverride is { } chosen && overrideReason is not null
            ? new StrengthReading(relation, chosen, cues, $"{why} The hedging is set by the author (the words alone read as {Name(strength).ToLowerInvariant()}).", overrideReason, strength)
            : new StrengthReading(relation, strength, cues, why, null, strength);
    }

    /// <summary>The relation, the words that decided it, and why, in one sentence.</summary>
    public static (Relation, List<StrengthCue>, string) ReadRelation(string sentence, StrengthConvention convention = StrengthConvention.InSciOut)
    {
        if (convention == StrengthConvention.PubMed && Recommendation.Match(sentence) is { Success: true } advice)
        {
            return (Relation.NoRelationship, [Cue(advice, CueKind.Uncertainty)], "A recommendation, coded as no relationship in the PubMed set's convention.");
        }

        if (ResearchNeeded.Match(sentence) is { Success: true } needed && !Regex.IsMatch(sentence[..needed.Index], @"\b(associated|reduce[sd]?|improve[sd]?|effective)\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            return (Relation.NoRelationship, [Cue(needed, CueKind.Uncertainty)], "It is about research still needed: it states no relation.");
        }

        var causal = Causal.Matches(sentence).Where(m => !ObservedChange(sentence, m)).ToList();
        var correlational = Correlational.Matches(sentence).Concat(Causal.Matches(sentence).Where(m => ObservedChange(sentence, m))).OrderBy(m => m.Index).ToList();
        bool Counts(Match m) => convention == StrengthConvention.PubMed || NegatorBefore(sentence, m.Index) is null;
        var liveCausal = causal.Where(Counts).ToList();
        var liveCorrelational = correlational.Where(Counts).ToList();

        if (causal.Count + correlational.Count > 0 && liveCausal.Count + liveCorrelational.Count == 0)
        {
            var negated = causal.Concat(correlational).OrderBy(m => m.Index).First();
            return (Relation.NoRelationship, [NegatorBefore(sentence, negated.Index)!, Cue(negated, CueKind.Causal, negated: true)],
                "Every relation word is negated: it states no relationship.");
        }

        if (liveCorrelational.Count > 0 && (liveCausal.Count == 0 || liveCorrelational[0].Index < liveCausal[0].Index))
        {
            return (Relation.Correlational, [Cue(liveCorrelational[0], CueKind.Correlational)], "An association, without a direction of cause.");
        }

        if (liveCausal.Count > 0)
        {
            var hedges = convention == StrengthConvention.PubMed ? Conditional : ConditionalWithCan;
            var scope = convention == StrengthConvention.PubMed ? sentence[ClauseStart(sentence, liveCausal[0].Index)..liveCausal[0].Index] : sentence;
            var offset = convention == StrengthConvention.PubMed ? ClauseStart(sentence, liveCausal[0].Index) : 0;
            return hedges.Match(scope) is { Success: true } hedge
                ? (Relation.ConditionalCausal, [Cue(hedge, CueKind.Conditional, offset), Cue(liveCausal[0], CueKind.Causal)], "A cause or effect, made conditional by a modal hedge.")
                : (Relation.DirectCausal, [Cue(liveCausal[0], CueKind.Causal)], "A cause or effect, stated without a modal hedge.");
        }

        return (Relation.NoRelationship, [], "No word of relation: it states no relationship.");
    }

    /// <summary>The hedging axis: the first rung of GRADE's wording ladder the sentence reaches, with its words.</summary>
    private static (ArticleStrength, List<StrengthCue>, string) ReadHedging(string sentence)
    {
        // A leading concession ("While much remains to be discovered, …") is not the sentence's claim.
        var concession = Concession().Match(sentence) is { Success: true } c0 ? c0.Length : 0;
        List<StrengthCue> Live(Regex words, CueKind kind) => words.Matches(sentence)
            .Where(m => m.Index >= concession && (kind == CueKind.Uncertainty || NegatorBefore(sentence, m.Index) is null)).Select(m => Cue(m, kind)).ToList();
        var boosters = Live(Booster, CueKind.Booster);
        return Live(Uncertainty, CueKind.Uncertainty) is { Count: > 0 } u ? (ArticleStrength.StatesUncertainty, u, "It states that something is not known or still needed.")
            : Live(MayHedge, CueKind.Hedge) is { Count: > 0 } h ? (ArticleStrength.May, [.. h, .. boosters], "It is hedged (may, could, suggests).")
            : Live(ProbablyHedge, CueKind.Can) is { Count: > 0 } c ? (ArticleStrength.Can, [.. c, .. boosters], "It says can, probably or likely.")
            : (ArticleStrength.Established, boosters, "It is not hedged.");
    }

    /// <summary>"An increase in", "was reduced" with no agent after it: a change that was seen, not one said to be caused.</summary>
    private static bool ObservedChange(string sentence, Match m) =>
        (NominalChange().IsMatch(m.Value) && InOrOf().IsMatch(sentence[(m.Index + m.Length)..]))
        || (Passive().IsMatch(sentence[..m.Index]) && ChangeVerb().IsMatch(m.Value) && !ByAgent().IsMatch(sentence[(m.Index + m.Length)..]));

    private static int ClauseStart(string sentence, int index) => sentence[..index].LastIndexOfAny([',', ';', ':', '(']) + 1;

    /// <summary>The negator in the cue's clause (after the last comma, semicolon, colon or bracket), if any.</summary>
    private static StrengthCue? NegatorBefore(string sentence, int index)
    {
        var start = ClauseStart(sentence, index);
        var found = Negator.Matches(sentence[start..index]).FirstOrDefault(m => m.Value != "NO" || string.Equals(sentence.ToUpperInvariant(), sentence, StringComparison.Ordinal));
        return found is null ? null : Cue(found, CueKind.Negation, start);
    }

    private static StrengthCue Cue(Match m, CueKind kind, int offset = 0, bool negated = false) => new(m.Value, m.Index + offset, m.Length, kind, negated);

    private static Regex Words(IEnumerable<string> patterns) =>
        new($@"\b(?:{string.Join('|', patterns)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^(increase|decrease|reduction|improvement|change|rise|decline|elevation)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NominalChange();

    [GeneratedRegex(@"^\s*(while|whilst|although|though)\b[^,]*,", RegexOptions.IgnoreCase)]
    private static partial Regex Concession();

    [GeneratedRegex(@"^\s+(in|of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InOrOf();

    [GeneratedRegex(@"\b(was|were|is|are|been|be)\s+(\w+ly\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Passive();

    [GeneratedRegex(@"^(reduc|increas|decreas|improv|lower|elevat|rais|alter|chang)", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeVerb();

    [GeneratedRegex(@"^\s+(\w+\s+){0,3}by\b", RegexOptions.IgnoreCase)]
    private static partial Regex ByAgent();
}
