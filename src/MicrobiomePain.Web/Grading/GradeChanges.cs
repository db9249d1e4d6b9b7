namespace MicrobiomePain.Web.Grading;

/// <summary>One computed change: the domain it concerns, the change of input in words, and the certainty it would give.</summary>
public sealed record GradeChange(string Domain, string Change, Certainty Result, int StepsAfter);

/// <summary>
/// What would change a grade, computed from the rule: for each domain that rated down, the smallest change of input
/// found that lifts it; for the deciding evidence, what would lower the grade. Each change is an altered input that
/// the rule itself re-grades, so what is shown is what the rule would do, not a guess.
/// </summary>
public sealed record GradeChanges(IReadOnlyList<GradeChange> Lift, IReadOnlyList<GradeChange> Lower)
{
    public static GradeChanges For(GradingInput input, CertaintyGrade grade)
    {
        var (lift, lower) = Candidates(input, grade);
        return new(lift.Select(c => c.Change).ToList(), lower.Select(c => c.Change).ToList());
    }

    /// <summary>Each change with the altered input it stands for (the rule's table of tests re-grades them).</summary>
    public static (List<(GradeChange Change, GradingInput Changed)> Lift, List<(GradeChange Change, GradingInput Changed)> Lower) Candidates(GradingInput input, CertaintyGrade grade)
    {
        var lift = new List<(GradeChange, GradingInput)>();
        var lower = new List<(GradeChange, GradingInput)>();
        if (grade.Certainty == Certainty.NoDirectEvidence)
        {
            // Nothing to lift but the absence itself: the smallest body there could be is one sound study.
            var (newDesign, population, unitName) = input.About == "animals" ? ("animal-experiment", "animals", "animals") : ("randomised-trial", "humans", "participants");
            var size = input.About == "animals" ? CertaintyRule.MinimumAnimals : CertaintyRule.MinimumParticipants;
            var study = new GradingSource("a-new-study", "supports", newDesign, population, size, "low", "direct");
            var changed = input with { Sources = [.. input.Sources, study] };
            var result = CertaintyRule.Grade(changed).Certainty;
            lift.Add((new GradeChange("Starting point", $"{Article(newDesign)} {GradingVocabulary.Design(newDesign)!.Name.ToLowerInvariant()} of {size} {unitName} supporting the claim and measuring its outcome at low risk of bias (the grade would be {GradingVocabulary.Name(result).ToLowerInvariant()})", result, 0), changed));
            return (lift, lower);
        }

        var deciding = input.Sources.Where(s => grade.StartKeys.Contains(s.Key)).ToList();
        var first = deciding[0];
        var design = GradingVocabulary.Design(first.Design)!.Name.ToLowerInvariant();
        var unit = input.About == "animals" ? "animals" : "participants";
        foreach (var domain in grade.Domains.Where(d => d.Steps > 0))
        {
            var found = domain.Domain switch
            {
                CertaintyRule.RiskOfBias => Cumulative(input, domain, deciding.Where(CertaintyDomains.Concern).OrderByDescending(s => s.SampleSize ?? 0).ToList(),
                    s => s with { RiskOfBias = "low", IndustryTie = false }, changed => $"risk of bias assessed as low for {Keys(changed)}{(changed.Any(s => s.IndustryTie) ? " (and no tie to the product's maker)" : "")}"),
                CertaintyRule.Inconsistency when domain.Steps == 1 => Cumulative(input, domain, input.Sources.Where(s => domain.SourceKeys.Contains(s.Key)).ToList(),
                    s => s with { Outcome = "indirect" }, changed => $"{Keys(changed)} found not to have measured the claim's outcome (or not to contradict it)"),
                CertaintyRule.Imprecision when domain.SourceKeys.Count == 1 && input.Sources.First(s => s.Key == domain.SourceKeys[0]).Interval == "wide" =>
                    Try(input, domain, Replace(input, domain.SourceKeys[0], s => s with { Interval = "narrow" }), $"a narrow pooled interval for {domain.SourceKeys[0]}"),
                CertaintyRule.PublicationBias => Try(input, domain, input with { PublicationBias = null }, "the recorded publication bias ruled out (for example, trial registries show no unpublished studies)"),
                _ => Added(input, domain, first, design, unit),
            };
            if (found is { } f)
            {
                lift.Add(f);
            }
        }

        if (grade.Certainty > Certainty.VeryLow)
        {
            var against = first with { Key = "a-contradicting-study", Relation = "contradicts", Outcome = "direct", RiskOfBias = "low", IndustryTie = false };
            AddLower(lower, input, grade, input with { Sources = [.. input.Sources, against] }, $"{Article(design)} {design} that measured the claim's outcome and contradicts it");
            var largest = deciding.OrderByDescending(s => s.SampleSize ?? 0).First();
            AddLower(lower, input, grade, Replace(input, largest.Key, s => s with { RiskOfBias = "high" }), $"{largest.Key} judged at high risk of bias");
        }

        return (lift, lower);
    }

    private static void AddLower(List<(GradeChange, GradingInput)> lower, GradingInput input, CertaintyGrade grade, GradingInput changed, string words)
    {
        var result = CertaintyRule.Grade(changed).Certainty;
        if (result < grade.Certainty)
        {
            lower.Add((new GradeChange("", $"{words}: {GradingVocabulary.Name(result).ToLowerInvariant()}", result, 0), changed));
        }
    }

    /// <summary>Alter sources one more at a time (in the order given) until the domain's steps drop.</summary>
    private static (GradeChange, GradingInput)? Cumulative(GradingInput input, DomainJudgement domain, List<GradingSource> sources, Func<GradingSource, GradingSource> alter, Func<List<GradingSource>, string> words)
    {
        var changed = input;
        for (var i = 0; i < sources.Count; i++)
        {
            changed = Replace(changed, sources[i].Key, alter);
            if (Try(input, domain, changed, words(sources.Take(i + 1).ToList())) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Add sound studies of the deciding design, in the claim's population and measuring its outcome, one at a time (up to five).</summary>
    private static (GradeChange, GradingInput)? Added(GradingInput input, DomainJudgement domain, GradingSource like, string design, string unit)
    {
        var deciding = input.Sources.Where(s => CertaintyRule.StartOf(s, input.About) == CertaintyRule.StartOf(like, input.About) && s.Relation != "contradicts").ToList();
        var minimum = input.About == "animals" ? CertaintyRule.MinimumAnimals : CertaintyRule.MinimumParticipants;
        var size = Math.Max(minimum - deciding.Sum(s => s.SampleSize ?? 0), like.SampleSize ?? 1);
        var population = input.About == "animals" ? like.PopulationKind : "humans";
        var sources = input.Sources.ToList();
        for (var k = 1; k <= 5; k++)
        {
            sources.Add(like with
            {
                Key = $"a-new-study-{k}", Relation = "supports", SampleSize = size, RiskOfBias = "low", Outcome = "direct",
                PopulationKind = population, IndustryTie = false, PooledStudies = null, Interval = null,
                Design = GradingVocabulary.Design(like.Design)!.IsReview ? "randomised-trial" : like.Design,
            });
            var n = k == 1 ? $"another {design} with {size} {unit}" : $"{k} more {design}s with {size} {unit} each";
            var where = input.About == "humans" && like.PopulationKind != "humans" ? " in people" : "";
            if (Try(input, domain, input with { Sources = [.. sources] }, $"{n}{where}, measuring the claim's outcome at low risk of bias") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (GradeChange, GradingInput)? Try(GradingInput input, DomainJudgement domain, GradingInput changed, string words)
    {
        var after = CertaintyRule.Grade(changed);
        var steps = after.Domains.Single(d => d.Domain == domain.Domain).Steps;
        return steps < domain.Steps
            ? (new GradeChange(domain.Domain, $"{domain.Domain}: {words} ({(steps == 0 ? "no longer rated down" : "down one step instead of two")}; the grade would be {GradingVocabulary.Name(after.Certainty).ToLowerInvariant()})", after.Certainty, steps), changed)
            : null;
    }

    private static string Keys(List<GradingSource> sources) => string.Join(", ", sources.Select(s => s.Key));

    private static string Article(string word) => "aeiou".Contains(char.ToLowerInvariant(word[0]), StringComparison.Ordinal) ? "an" : "a";

    private static GradingInput Replace(GradingInput input, string key, Func<GradingSource, GradingSource> alter) =>
        input with { Sources = input.Sources.Select(s => s.Key == key ? alter(s) : s).ToList() };
}
