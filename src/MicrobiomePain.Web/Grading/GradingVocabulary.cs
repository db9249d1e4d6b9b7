namespace MicrobiomePain.Web.Grading;

/// <summary>How sure anyone can be that a claim is true, from the body of evidence (GRADE's four levels, plus none).</summary>
public enum Certainty
{
    /// <summary>No empirical source supports the claim.</summary>
    NoDirectEvidence = 0,
    VeryLow = 1,
    Low = 2,
    Moderate = 3,
    High = 4,
}

/// <summary>What kind of study a design is, which decides where the rule starts.</summary>
public enum DesignKind
{
    Trial,
    NonRandomisedTrial,
    Observational,
    Animal,
    Cells,

    /// <summary>
    /// Clinical practice guidelines: a panel's judgement of studies, not a body of evidence of its own. Not graded (the
    /// studies are); the panel's own grade is recorded beside ours (<c>panel_certainty</c>).
    /// </summary>
    Guideline,

    /// <summary>Narrative reviews and journalism: read and cited, but not graded as evidence.</summary>
    NotEmpirical,
}

/// <summary>One study design of the closed vocabulary; <see cref="Rank"/> orders designs for the inconsistency domain.</summary>
public sealed record StudyDesign(string Slug, string Name, DesignKind Kind, int Rank)
{
    /// <summary>A systematic review pools primary studies: imprecision counts its pooled studies and participants.</summary>
    public bool IsReview => Slug.StartsWith("systematic-review", StringComparison.Ordinal);
}

/// <summary>The closed vocabularies the certainty inputs use. They belong to the rule, so they live in code.</summary>
public static class GradingVocabulary
{
    public static readonly IReadOnlyList<StudyDesign> Designs =
    [
        new("systematic-review-of-trials", "Systematic review of trials", DesignKind.Trial, 13),
        new("guideline", "Clinical practice guideline", DesignKind.Guideline, 12),
        new("randomised-trial", "Randomised trial", DesignKind.Trial, 11),
        new("non-randomised-trial", "Non-randomised trial", DesignKind.NonRandomisedTrial, 10),
        new("systematic-review-of-observational", "Systematic review of observational studies", DesignKind.Observational, 9),
        new("cohort", "Cohort study", DesignKind.Observational, 8),
        new("case-control", "Case–control study", DesignKind.Observational, 7),
        new("cross-sectional", "Cross-sectional study", DesignKind.Observational, 6),
        new("systematic-review-of-animal-studies", "Systematic review of animal studies", DesignKind.Animal, 5),
        new("animal-experiment", "Animal experiment", DesignKind.Animal, 4),
        new("in-vitro", "In vitro (cells)", DesignKind.Cells, 3),
        new("narrative-review", "Narrative review", DesignKind.NotEmpirical, 2),
        new("news", "Press release or news", DesignKind.NotEmpirical, 1),
    ];

    public static readonly IReadOnlyList<string> PopulationKinds = ["humans", "animals", "cells", "none"];

    public static readonly IReadOnlyList<string> RisksOfBias = ["low", "some-concerns", "high", "not-assessed"];

    /// <summary>What a claim is about: people, or (for claims that say so) animals.</summary>
    public static readonly IReadOnlyList<string> Abouts = ["humans", "animals"];

    public static readonly IReadOnlyList<string> Outcomes = ["direct", "indirect"];

    /// <summary>What a systematic review records about its pooled interval, when it does (imprecision).</summary>
    public static readonly IReadOnlyList<string> Intervals = ["wide", "narrow"];

    public static StudyDesign? Design(string slug) => Designs.FirstOrDefault(d => d.Slug == slug);

    /// <summary>The URL slug of a certainty (also the certainty= filter value).</summary>
    public static string Slug(Certainty c) => c switch
    {
        Certainty.High => "high",
        Certainty.Moderate => "moderate",
        Certainty.Low => "low",
        Certainty.VeryLow => "very-low",
        _ => "no-direct-evidence",
    };

    public static string Name(Certainty c) => c switch
    {
        Certainty.High => "High",
        Certainty.Moderate => "Moderate",
        Certainty.Low => "Low",
        Certainty.VeryLow => "Very low",
        _ => "No direct evidence",
    };

    /// <summary>GRADE's usual symbols: one filled circle per level, so the rating reads without colour.</summary>
    public static string Symbol(Certainty c) => c switch
    {
        Certainty.High => "⊕⊕⊕⊕",
        Certainty.Moderate => "⊕⊕⊕◯",
        Certainty.Low => "⊕⊕◯◯",
        Certainty.VeryLow => "⊕◯◯◯",
        _ => "◯◯◯◯",
    };

    public static Certainty? Parse(string slug) =>
        Enum.GetValues<Certainty>().Cast<Certainty?>().FirstOrDefault(c => Slug(c!.Value) == slug);
}
