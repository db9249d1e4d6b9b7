namespace MicrobiomePain.Web.Grading;

/// <summary>
/// The words the strength rule reads (<see cref="StatementStrength"/>), each list with where its words came from:
/// "scale" words are those of the coding guides of Sumner et al. 2014 and Yu et al. 2019 and of the old lexicon written
/// for this article; "InSciOut" and "PubMed" words were added after reading the rule's mistakes on the InSciOut train
/// pairs and on the development four fifths of the PubMed set (never its held-back fifth). Entries are regular
/// expressions over whole words, case-insensitive. docs/statement-strength.md lists them with their effect.
/// </summary>
public static class StrengthLexicon
{
    /// <summary>Words that state a cause or an effect (relation 3, or 2 when hedged).</summary>
    public static readonly IReadOnlyList<string> CausalScale =
    [
        @"cause[sd]?", "causing", @"causal(ly)?", "lead(s|ing)? to", "led to", "result(s|ed|ing)? in",
        "reduc(e|es|ed|ing|tion|tions)", "increas(e|es|ing)", "improv(e|es|ed|ing|ement|ements)", "prevent(s|ed|ing|ion)?",
        "protect(s|ed|ing)?", "protective", "benefit(s|ed|ing)?", "beneficial", "effect(s)? (of|on)", "effective(ly|ness)?",
        "efficacious", "efficacy", "affect(s|ed|ing)?", "influenc(e|es|ed|ing)", "induc(e|es|ed|ing)", "trigger(s|ed)?",
        "contribut(e|es|ed|ing)", "promot(e|es|ed|ing)", "enhanc(e|es|ed|ing)", "decreas(e|es|ing)", "lower(s|ing)",
        "rais(e|es|ing)", "boost(s|ed|ing)?", "help(s|ed|ing)?", "driv(e|es|en|ing)", "impair(s|ed|ing)?", "worsen(s|ed|ing)?",
        "alleviat(e|es|ed|ing)", "reliev(e|es|ed|ing)", "revers(e|es|ed|ing)", "attenuat(e|es|ed|ing)", "inhibit(s|ed|ing)?",
        "suppress(es|ed|ing)?", "mediat(e|es|ed|ing)", "save[sd]?", "saving", "harm(s|ed|ful)?", "damag(e|es|ed|ing)",
        "kill(s|ed)?", "determin(e|es|ed)", "responsible for", "due to", "because of", "owing to", "attributable",
        "explain(s|ed)?", "depend(s|ed)? on", "modif(y|ies|ied)", "alter(s|ed)?", "restor(e|es|ed)", "stimulat(e|es|ed)",
        "block(s|ed)?", "outperform(s|ed)?", "superior", "inferior", "noninferior", "non-inferior", "safe(ly|ty)?",
        "well tolerated", "cure[sd]?", "revolutioni[sz]e[sd]?", "transform(s|ed)?",
    ];

    /// <summary>Causal words added from PubMed development sentences read as no relationship.</summary>
    public static readonly IReadOnlyList<string> CausalPubMed =
        ["impact(s|ed|ing)?", "involved in", "role (in|of)", "contribution", "etiology", "pathogenesis", "importance of"];

    /// <summary>Causal verbs of press releases, added from InSciOut sentences read as no relationship.</summary>
    public static readonly IReadOnlyList<string> CausalInSciOut =
    [
        "activat(e|es|ed|ing)", "curb(s|ed)?", "shap(e|es|ed)", "encod(e|es|ed)", "regulat(e|es|ed|ing)", "pose[sd]?",
        "produc(e|es|ed|ing)", "excit(e|es|ed)", "extend(s|ed)?", "slow(s|ed)?", "halt(s|ed)?", "stop(s|ped)?", "cut(s)?",
        "doubl(e|es|ed)", "halv(e|es|ed)", "fuel(s|led)?", "spur(s|red)?", "spark(s|ed)?", "fight(s)?", "combat(s)?",
        "tackl(e|es|ed)", "target(s|ed)?", "shrink(s)?", "destroy(s|ed)?", "repair(s|ed)?", "heal(s|ed)?", "shield(s|ed)?",
        "obviat(e|es|ed)", "live[sd]? longer", "saves? lives", "breakthrough", "work(s|ed)? (as|to|by|in)", "key to",
        "hold(s)? the key", "implicated", "arises? (as|from)", "as a result of", "challeng(e|es|ing)", "make[s]? .{0,20}(more|less)",
        "change[sd]? the",
    ];

    /// <summary>Words that state an association without a direction of cause (relation 1).</summary>
    public static readonly IReadOnlyList<string> CorrelationalScale =
    [
        "associat(ed|ion|ions)", "correlat(e|es|ed|ion|ions)", "link(s|ed)?", "relat(ed|ion|ionship|ionships)",
        "predict(s|ed|ive|or|ors|ion)?", "(increased|higher|lower|reduced|decreased|elevated|greater|excess) (risk|odds|likelihood|incidence|prevalence|rates?|levels?)",
        "risk (of|for|factor|factors)", "(more|less) likely", "odds", "tend(s|ed)? to", "connect(ed|ion)", "coincid(e|es|ed)",
        "accompan(y|ies|ied)", "marker", "indicator", "in line with", "consistent with",
    ];

    /// <summary>Comparisons and risk words added from PubMed development sentences read as no relationship.</summary>
    public static readonly IReadOnlyList<string> CorrelationalPubMed =
    [
        @"(higher|lower|greater|more|less|fewer|larger|smaller|better|worse|shorter|longer)( \w+){0,3} (than|compared|in|among)",
        "differ(s|ed|ent|ence|ences)? (between|in|from)", "common(ly)? in", "prevalent", "frequent", "elevated", "at risk",
        "prone to", "prognostic", "(risk|independent|significant|important|major) factors?", "predictors?", "indicators?",
        "indicative of", "compared (with|to)", "as compared", "versus", "vs",
    ];

    /// <summary>Words that, before a relation word in its clause, negate it ("NO", nitric oxide, in capitals, is not one).</summary>
    public static readonly IReadOnlyList<string> Negators =
        ["no", "not", "n't", "never", "neither", "nor", "without", "fail(s|ed)? to", "unrelated", "unaffected", "lack of", "little", "absence of"];

    /// <summary>Modal hedges that make a causal claim conditional (relation 2). "potential" and reading them anywhere in
    /// the sentence came from InSciOut; "can" is conditional in InSciOut's convention, direct in the PubMed set's.</summary>
    public static readonly IReadOnlyList<string> ConditionalHedges =
        ["may", "might", "could", "would", "possibly", "potentially", "perhaps", "potential", "appears? to", "seems? to", "likely to", "unlikely to"];

    /// <summary>A sentence about research still to be done states no relation (PubMed development sentences).</summary>
    public static readonly IReadOnlyList<string> ResearchNeeded =
    [
        @"(further|future|more|additional|larger)\s+(\w+\s+){0,2}(research|studies|study|work|investigation|trials|evaluation|data)",
        "warrant(s|ed)?", "needed", "required", "requires?",
    ];

    /// <summary>Recommendations: the PubMed set codes them 0 (its README); InSciOut codes the relation they state.</summary>
    public static readonly IReadOnlyList<string> Recommendation = ["should", "must", "recommended", "recommend"];

    /// <summary>The hedging axis, GRADE's wording ladder: what states uncertainty, what hedges ("may"), what says "probably".</summary>
    public static readonly IReadOnlyList<string> StatesUncertainty =
        ["remains? elusive", "unknown", "not known", "unclear", "uncertain", "essential to determine", "necessary", "needed", "speculative", "remains? to be"];

    public static readonly IReadOnlyList<string> MayHedges =
        ["may", "might", "could", "would", "possibly", "possible", "potentially", "potential", "perhaps", "suggests?", "suggested", "appears?", "seems?", "indicates?"];

    public static readonly IReadOnlyList<string> ProbablyHedges = ["can", "likely", "probably"];

    /// <summary>Words that sound sure; shown, but they never undo a hedge (a booster about the study is not about the claim).</summary>
    public static readonly IReadOnlyList<string> Boosters =
        ["have shown", "has shown", "have demonstrated", "has demonstrated", "demonstrated", "proven", "proves", "definitively", "strong link", "distinct differences", "clearly"];
}
