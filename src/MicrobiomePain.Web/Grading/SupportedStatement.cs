using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Grading;

/// <summary>
/// Checks that a supported statement uses the wording of its certainty, in GRADE's informative statements (Santesso et
/// al. 2020): high "is / results in" (no hedge), moderate "probably / likely", low "may", very low "the evidence is very
/// uncertain", and ours for no direct evidence: "there is no direct evidence". It may not use a stronger level's words.
/// </summary>
public static class SupportedStatement
{
    private static readonly string[] Moderate = ["probably", "likely"];
    private static readonly string[] Low = ["may", "might"];
    private const string VeryLow = "very uncertain";
    private const string None = "no direct evidence";
    private static readonly string[] Boosters = ["shown", "demonstrated", "proven", "proves", "definitely", "clearly", "certainly"];

    /// <summary>The wording each certainty requires, for messages and the method page.</summary>
    public static string Required(Certainty c) => c switch
    {
        Certainty.High => "no hedge (\"is\", \"results in\")",
        Certainty.Moderate => "\"probably\" or \"likely\"",
        Certainty.Low => "\"may\" or \"might\"",
        Certainty.VeryLow => "\"the evidence is very uncertain\"",
        _ => "\"there is no direct evidence\"",
    };

    /// <summary>Null when the statement fits its certainty; otherwise what is wrong, in words an author can act on.</summary>
    public static string? Problem(string statement, Certainty certainty)
    {
        bool Has(string phrase) => Regex.IsMatch(statement, $@"\b{Regex.Escape(phrase)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        string? First(IEnumerable<string> phrases) => phrases.FirstOrDefault(Has);
        var name = GradingVocabulary.Name(certainty).ToLowerInvariant();
        string Missing() => $"supported_statement does not carry the wording of its certainty ({name}): use {Required(certainty)}.";
        string Stronger(string word, string level) => $"supported_statement says '{word}', the wording of {level} certainty, but the certainty is {name}; use {Required(certainty)}.";

        if (certainty != Certainty.High && First(Boosters) is { } booster)
        {
            return Stronger(booster, "high");
        }

        switch (certainty)
        {
            case Certainty.High:
                var hedge = First(Moderate.Concat(Low).Append(VeryLow).Append(None));
                return hedge is null ? null : $"supported_statement says '{hedge}', but the certainty is high: state it without a hedge.";
            case Certainty.Moderate:
                return First(Moderate) is null ? Missing()
                    : First(Low.Append(VeryLow).Append(None)) is { } weaker ? $"supported_statement mixes '{weaker}' into a moderate-certainty statement; use {Required(certainty)} alone."
                    : null;
            case Certainty.Low:
                return First(Moderate) is { } m ? Stronger(m, "moderate")
                    : First(Low) is null ? Missing()
                    : First([VeryLow, None]) is { } w ? $"supported_statement says '{w}', the wording of a lower certainty; the certainty is low: use {Required(certainty)}."
                    : null;
            case Certainty.VeryLow:
                return First(Moderate) is { } m2 ? Stronger(m2, "moderate") : Has(VeryLow) ? null : Missing();
            default:
                return First(Moderate) is { } m3 ? Stronger(m3, "moderate") : Has(None) ? null : Missing();
        }
    }
}
