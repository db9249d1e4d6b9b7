using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Grading;

/// <summary>
/// How sure a sentence sounds, on four steps that line up with the certainty levels (so the two can be subtracted).
/// Steps 2–4 follow the three categories readers told apart in Adams et al. 2017 (moderate: "might", "linked",
/// "associated with"; "can"; direct statements); step 1, a sentence that states uncertainty, is ours.
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
    Uncertainty,
    Hedge,
    Can,
    Booster,
}

/// <summary>
/// A lexicon phrase found in the sentence: where it is, so the page can mark it, and whether a negation governs it
/// ("no probiotics are definitively recommended"), in which case it neither boosts nor hedges.
/// </summary>
public sealed record StrengthCue(string Phrase, int Start, int Length, CueKind Kind, bool Negated = false);

/// <summary>The strength of the article's sentence, the words that decided it, and an author's override if any.</summary>
public sealed record StrengthReading(ArticleStrength Strength, IReadOnlyList<StrengthCue> Cues, string Explanation, string? OverrideReason)
{
    public bool Overridden => OverrideReason is not null;

    /// <summary>The old lexicon's steps on the relation scale, for the "before" figures: uncertainty 0, may and can 2 (conditional), established 3.</summary>
    public Relation Relation => Strength switch
    {
        ArticleStrength.StatesUncertainty => Relation.NoRelationship,
        ArticleStrength.May or ArticleStrength.Can => Relation.ConditionalCausal,
        _ => Relation.DirectCausal,
    };
}

/// <summary>The statement-strength lexicon and the rule that turns the phrases found into a strength (see /evidence/method).</summary>
public static partial class StatementStrength
{
    public static readonly IReadOnlyList<string> UncertaintyPhrases =
        ["remain elusive", "remains elusive", "unknown", "not known", "unclear", "essential to determine", "necessary", "needed", "speculative"];

    public static readonly IReadOnlyList<string> HedgePhrases =
        ["may", "might", "could", "potentially", "potential", "possible", "possibly", "suggests", "suggest", "linked", "associated"];

    public static readonly IReadOnlyList<string> CanPhrases = ["can", "likely", "probably"];

    public static readonly IReadOnlyList<string> BoosterPhrases =
        ["have shown", "has shown", "have demonstrated", "has demonstrated", "demonstrated", "proven", "proves", "definitively", "strong link", "distinct differences", "clearly"];

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
        ArticleStrength.Can => "Can / likely",
        _ => "Stated as established",
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

    /// <summary>
    /// Reads a sentence: any phrase stating uncertainty decides "states uncertainty"; otherwise a booster decides
    /// "established", tempered one step to "can" by a hedge in the same sentence; otherwise "can"/"likely" decides
    /// "can" (a hedge beside it, "may"); otherwise a hedge decides "may"; a sentence with none of them is an unhedged
    /// assertion, "established".
    /// A booster, "can" or hedge governed by a negation does not count: "there are no probiotics that are definitively
    /// recommended" is a flat statement that something is not so, read as "established" by the last rule.
    /// </summary>
    public static StrengthReading Read(string sentence, ArticleStrength? authorOverride = null, string? overrideReason = null)
    {
        var found = FindCues(sentence);
        var cues = found.Where(c => !c.Negated).ToList();
        var negated = found.Where(c => c.Negated).ToList();
        bool Has(CueKind k) => cues.Any(c => c.Kind == k);
        List<StrengthCue> Of(params CueKind[] kinds) => cues.Where(c => kinds.Contains(c.Kind)).ToList();

        var (strength, deciding, why) =
            Has(CueKind.Uncertainty) ? (ArticleStrength.StatesUncertainty, Of(CueKind.Uncertainty), "It states that something is not known or still needed.")
            : Has(CueKind.Booster) && Has(CueKind.Hedge) ? (ArticleStrength.Can, Of(CueKind.Booster, CueKind.Hedge), "A booster, tempered one step by a hedge.")
            : Has(CueKind.Booster) ? (ArticleStrength.Established, Of(CueKind.Booster), "A booster, with no hedge.")
            : Has(CueKind.Can) && Has(CueKind.Hedge) ? (ArticleStrength.May, Of(CueKind.Can, CueKind.Hedge), "'Can' or 'likely', tempered by a hedge.")
            : Has(CueKind.Can) ? (ArticleStrength.Can, Of(CueKind.Can), "'Can' or 'likely', with no hedge.")
            : Has(CueKind.Hedge) ? (ArticleStrength.May, Of(CueKind.Hedge), "A hedge, with no booster.")
            : negated.Count > 0 ? (ArticleStrength.Established, negated, "Its only strength words are negated, so they neither boost nor hedge: an unhedged assertion that something is not so.")
            : (ArticleStrength.Established, [], "No hedge at all: an unhedged assertion.");

        return authorOverride is { } chosen && overrideReason is not null
            ? new StrengthReading(chosen, deciding, $"Set by the author (the words alone read as {Name(strength).ToLowerInvariant()}).", overrideReason)
            : new StrengthReading(strength, deciding, why, null);
    }

    /// <summary>Every lexicon phrase in the sentence, whole words, case-insensitive, longest first and never overlapping.</summary>
    public static List<StrengthCue> FindCues(string sentence)
    {
        var lexicon = UncertaintyPhrases.Select(p => (p, CueKind.Uncertainty))
            .Concat(BoosterPhrases.Select(p => (p, CueKind.Booster)))
            .Concat(CanPhrases.Select(p => (p, CueKind.Can)))
            .Concat(HedgePhrases.Select(p => (p, CueKind.Hedge)))
            .OrderByDescending(e => e.p.Length);
        var taken = new bool[sentence.Length];
        var cues = new List<StrengthCue>();
        foreach (var (phrase, kind) in lexicon)
        {
            foreach (Match m in Regex.Matches(sentence, $@"\b{Regex.Escape(phrase)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                if (Enumerable.Range(m.Index, m.Length).Any(i => taken[i]))
                {
                    continue;
                }

                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    taken[i] = true;
                }

                cues.Add(new StrengthCue(m.Value, m.Index, m.Length, kind, kind != CueKind.Uncertainty && IsNegated(sentence, m.Index)));
            }
        }

        return cues.OrderBy(c => c.Start).ToList();
    }

    /// <summary>The words that negate a cue when one of them comes before it in the same clause.</summary>
    public static readonly IReadOnlyList<string> Negators = ["no", "not", "never", "nor", "neither", "without", "cannot", "n't"];

    /// <summary>How many words back from a cue a negator still governs it (within the same clause).</summary>
    public const int NegationScopeWords = 8;

    /// <summary>
    /// Whether a negator stands within <see cref="NegationScopeWords"/> words before the cue and in the same clause
    /// (no comma, semicolon, colon, dash or full stop between): "no specific probiotics … that are definitively
    /// recommended", but not "compared to those without chronic pain, studies have shown".
    /// </summary>
    private static bool IsNegated(string sentence, int cueStart)
    {
        var before = sentence[..cueStart];
        var clauseStart = before.LastIndexOfAny([',', ';', ':', '.', '—', '–', '(']) + 1;
        var words = WordPattern().Matches(before[clauseStart..]).Select(m => m.Value.ToLowerInvariant()).TakeLast(NegationScopeWords);
        return words.Any(w => Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Words that make a sentence sound as if something were caused (for the correlation → cause type).</summary>
    public static bool SoundsCausal(string sentence) => CausalPattern().IsMatch(sentence);

    [GeneratedRegex(@"\b(cause[sd]?|lead(s|ing)?|impact|influence[sd]?|reduce[sd]?|relieve[sd]?|alleviate[sd]?|improve[sd]?|reverse[sd]?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CausalPattern();
}
