using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>Reads the YAML lists that claims refer to: evidence levels, conditions, kinds of claim and sources.</summary>
public static partial class ReferenceDataParser
{
    public static readonly IReadOnlyList<string> VerificationMarks = ["verified", "partly-verified", "unverified"];

    private static readonly string[] LevelKeys = ["slug", "name", "rank", "symbol", "description", "move_up"];
    private static readonly string[] NamedTermKeys = ["slug", "name", "description"];
    private static readonly string[] SourceKeys =
    [
        "key", "authors", "year", "title", "journal", "doi", "pmid", "pmcid", "url", "study_type",
        "population", "n", "finding", "verified", "unverified", "partly_verified", "note",
        "seen_at",
        "design", "population_kind", "sample_size", "risk_of_bias", "risk_of_bias_reason",
        "industry_tie", "pooled_studies", "interval",
    ];

    [GeneratedRegex(@"^10\.[0-9]{4,9}/[^\s]+$")]
    private static partial Regex DoiPattern();

    [GeneratedRegex("^[1-9][0-9]{0,8}$")]
    private static partial Regex PmidPattern();

    [GeneratedRegex("^PMC[0-9]{1,9}$")]
    private static partial Regex PmcidPattern();

    public static bool IsDoi(string s) => DoiPattern().IsMatch(s);

    public static List<EvidenceLevel> ParseLevels(string yaml, DiagnosticBag bag) =>
        ParseList(yaml, bag, "evidence level", map =>
        {
            map.RejectUnknownKeys(LevelKeys, "an evidence level");
            var slug = Slug(map, "slug");
            var name = map.String("name", true);
            var rank = map.Int("rank", true);
            var symbol = map.String("symbol", true);
            var description = map.String("description", true);
            var moveUp = map.String("move_up", true);
            return slug is null || name is null || rank is null || symbol is null || description is null || moveUp is null
                ? null
                : new EvidenceLevel(slug, name, rank.Value, symbol, description, moveUp, map.Position);
        });

    public static List<Condition> ParseConditions(string yaml, DiagnosticBag bag) =>
        ParseNamedTerms(yaml, bag, "condition", "a condition", (slug, name, description, position) => new Condition(slug, name, description, position));

    public static List<ClaimKind> ParseKinds(string yaml, DiagnosticBag bag) =>
        ParseNamedTerms(yaml, bag, "kind", "a kind of claim", (slug, name, description, position) => new ClaimKind(slug, name, description, position));

    /// <summary>A vocabulary whose entries are a slug, a name and a description, each required (conditions, kinds of claim).</summary>
    private static List<T> ParseNamedTerms<T>(string yaml, DiagnosticBag bag, string item, string what, Func<string, string, string, SourcePosition, T> make)
        where T : class =>
        ParseList(yaml, bag, item, map =>
        {
            map.RejectUnknownKeys(NamedTermKeys, what);
            var slug = Slug(map, "slug");
            var name = map.String("name", true);
            var description = map.String("description", true);
            return slug is null || name is null || description is null ? null : make(slug, name, description, map.Position);
        });

    public static List<Source> ParseSources(string yaml, DiagnosticBag bag) =>
        ParseList(yaml, bag, "source", map =>
        {
            map.RejectUnknownKeys(SourceKeys, "a source");
            var key = Slug(map, "key");
            var authors = map.String("authors", true);
            var title = map.String("title", true);
            var year = map.Int("year", false);
            var doi = Checked(map, "doi", DoiPattern(), "a DOI looks like 10.1136/gutjnl-2019-319630 (no https://doi.org/ prefix)");
            var pmid = Checked(map, "pmid", PmidPattern(), "a PMID is a number such as 31852769");
            var pmcid = Checked(map, "pmcid", PmcidPattern(), "a PMCID looks like PMC5478269");
            var url = map.String("url", false);
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                map.Error(map.Node("url")!, $"url '{url}' must be an absolute http(s) address.");
            }

            var verification = map.String("verified", true);
            if (verification is not null && !VerificationMarks.Contains(verification))
            {
                map.Error(map.Node("verified")!, $"verified '{verification}' is not one of: {string.Join(", ", VerificationMarks)}.");
            }

            var unverified = map.StringList("unverified", false);
            var partlyVerified = map.StringList("partly_verified", false);
            foreach (var (field, position) in unverified.Concat(partlyVerified))
            {
                if (!SourceKeys.Contains(field))
                {
                    map.Error(position, $"'{field}' in 'unverified' is not a source field; name fields such as doi, pmid, year or n.");
                }
            }

            // Readers must be able to find a source, unless the author records that its identifier could not be
            // verified (listing doi under 'unverified'): then the entry is shown as such, never with a guessed link.
            if (doi is null && pmid is null && pmcid is null && url is null && key is not null && !unverified.Any(u => u.Value == "doi"))
            {
                map.Error(map.Position, $"source '{key}' needs at least one of doi, pmid, pmcid or url so readers can find it (or 'unverified: [doi]' if none could be verified).");
            }

            var seenAt = SeenAt(map);
            return key is null || authors is null || title is null || verification is null
                ? null
                : new Source(
                    key, authors, year, title, map.String("journal", false), doi, pmid, pmcid, url,
                    map.String("study_type", false), map.String("population", false), map.String("n", false),
                    map.String("finding", false), verification, unverified.Select(u => u.Value).ToList(),
                    partlyVerified.Select(u => u.Value).ToList(),
                    map.String("note", false), map.Position)
                {
                    SeenAt = seenAt,
                    Parts = ReadParts(map),
                    RiskOfBiasReason = map.String("risk_of_bias_reason", false),
                    Review = ReadReview(map),
                };
        });

    /// <summary>
    /// 'seen_at': where each confirmed field was seen, as 'field: https://…' (or 'entry: https://…' for the whole
    /// entry). Field names are source fields; addresses are absolute http(s) URLs.
    /// </summary>
    private static Dictionary<string, string> SeenAt(YamlMap map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Mapping("seen_at", "'seen_at' is a set of 'field: https://…' lines (or 'entry: https://…'), saying where each confirmed field was seen.") is not { } mapping)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var field = (keyNode as YamlScalarNode)?.Value ?? "";
            var url = (valueNode as YamlScalarNode)?.Value ?? "";
            if (field != SeenAtEntry && !SourceKeys.Contains(field))
            {
                map.Error(keyNode, $"'{field}' in 'seen_at' is not a source field; use 'entry' or a field such as doi, pmid, year or n.");
                continue;
            }

            if (!(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                map.Error(valueNode, $"seen_at '{field}' must be the absolute http(s) address of the page where it was seen.");
                continue;
            }

            result[field] = url;
        }

        return result;
    }

    /// <summary>The 'seen_at' key for the page where the entry as a whole was seen.</summary>
    public const string SeenAtEntry = "entry";

    /// <summary>
    /// The certainty inputs: design, population_kind, sample_size and risk_of_bias, each one value or a list of the same
    /// length (one entry per part of the study). All four or none; a sample size is a whole number or 'unknown'.
    /// </summary>
    private static List<SourcePart> ReadParts(YamlMap map)
    {
        string[] keys = ["design", "population_kind", "sample_size", "risk_of_bias"];
        if (!keys.Any(map.Has))
        {
            if (map.Has("risk_of_bias_reason"))
            {
                map.Error(map.PositionOfKey("risk_of_bias_reason"), "'risk_of_bias_reason' needs 'risk_of_bias' (low, some-concerns, high or not-assessed).");
            }

            return [];
        }

        var missing = keys.Where(k => !map.Has(k)).ToList();
        if (missing.Count > 0)
        {
            map.Error(map.PositionOfKey(keys.First(map.Has)), $"certainty inputs come together: add {string.Join(", ", missing.Select(m => $"'{m}'"))} (a sample size may be 'unknown', never a guess).");
            return [];
        }

        var designs = map.StringList("design", true);
        var kinds = map.StringList("population_kind", true);
        var sizes = map.StringList("sample_size", true);
        var risks = map.StringList("risk_of_bias", true);
        if (map.String("risk_of_bias_reason", false) is null)
        {
            map.Error(map.PositionOfKey("risk_of_bias"), "'risk_of_bias' needs 'risk_of_bias_reason': one line on what the judgement rests on.");
        }

        var ok = true;
        void Closed(IReadOnlyList<(string Value, SourcePosition Position)> values, IReadOnlyList<string> valid, string key)
        {
            foreach (var (value, position) in values.Where(v => !valid.Contains(v.Value)))
            {
                map.Error(position, $"{key} '{value}' is not one of: {string.Join(", ", valid)}.");
                ok = false;
            }
        }

        Closed(designs, Grading.GradingVocabulary.Designs.Select(d => d.Slug).ToList(), "design");
        Closed(kinds, Grading.GradingVocabulary.PopulationKinds, "population_kind");
        Closed(risks, Grading.GradingVocabulary.RisksOfBias, "risk_of_bias");
        var numbers = new List<int?>();
        foreach (var (value, position) in sizes)
        {
            if (value == "unknown")
            {
                numbers.Add(null);
            }
            else if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                numbers.Add(n);
            }
            else
            {
                map.Error(position, $"sample_size '{value}' must be a whole number of participants or animals, or 'unknown' (never a guess).");
                ok = false;
            }
        }

        foreach (var (key, values) in new[] { ("population_kind", kinds), ("sample_size", sizes), ("risk_of_bias", risks) })
        {
            if (values.Count != designs.Count)
            {
                map.Error(map.PositionOfKey(key), $"'{key}' has {values.Count} value(s) but 'design' has {designs.Count}; give one per design.");
                ok = false;
            }
        }

        return ok && designs.Count > 0
            ? designs.Select((d, i) => new SourcePart(d.Value, kinds[i].Value, numbers[i], risks[i].Value)).ToList()
            : [];
    }

    /// <summary>
    /// The rule's inputs beyond the four parts: an industry tie (true/false; read the same way for every source) and,
    /// for a systematic review, its pooled studies and whether it records its interval as wide or narrow.
    /// </summary>
    private static readonly string[] ReviewKeys = ["pooled_studies", "interval"];

    private static SourceReview ReadReview(YamlMap map)
    {
        var tie = map.String("industry_tie", false);
        if (tie is not null && tie is not ("true" or "false"))
        {
            map.Error(map.Node("industry_tie")!, $"industry_tie '{tie}' must be true or false (a tie to the product's maker: an author employed by it, or its funding), with the tie named in risk_of_bias_reason.");
        }

        var interval = map.String("interval", false);
        if (interval is not null && !Grading.GradingVocabulary.Intervals.Contains(interval))
        {
            map.Error(map.Node("interval")!, $"interval '{interval}' is not one of: {string.Join(", ", Grading.GradingVocabulary.Intervals)} (as the review reports its pooled interval).");
        }

        var pooled = map.Int("pooled_studies", false);
        var designs = map.Has("design") ? map.StringList("design", false).Select(d => d.Value).ToList() : [];
        foreach (var key in ReviewKeys.Where(map.Has))
        {
            if (!designs.Any(d => Grading.GradingVocabulary.Design(d)?.IsReview == true))
            {
                map.Error(map.PositionOfKey(key), $"'{key}' belongs to a systematic review; this source's design is {string.Join(", ", designs)}.");
            }
        }

        if (pooled is 0)
        {
            map.Error(map.Node("pooled_studies")!, "pooled_studies must be at least 1.");
        }

        return new SourceReview(tie == "true", pooled is > 0 ? pooled : null, Grading.GradingVocabulary.Intervals.Contains(interval ?? "") ? interval : null);
    }

    private static string? Slug(YamlMap map, string key)
    {
        var value = map.String(key, true);
        if (value is not null && !ClaimParser.IsValidSlug(value))
        {
            map.Error(map.Node(key)!, $"{key} '{value}' must be lower-case words joined by hyphens, e.g. visceral-pain.");
            return null;
        }

        return value;
    }

    private static string? Checked(YamlMap map, string key, Regex pattern, string hint)
    {
        var value = map.String(key, false);
        if (value is not null && !pattern.IsMatch(value))
        {
            map.Error(map.Node(key)!, $"{key} '{value}' is malformed; {hint}.");
            return null;
        }

        return value;
    }

    internal static List<T> ParseList<T>(string yaml, DiagnosticBag bag, string what, Func<YamlMap, T?> read)
        where T : class
    {
        var result = new List<T>();
        var root = YamlMap.ParseRoot(yaml, bag, 0);
        if (root is null)
        {
            if (!bag.Items.Any(d => d.IsError))
            {
                bag.Error(1, 1, $"the file is empty; it should be a list of entries, each starting with '- '.");
            }

            return result;
        }

        if (root is not YamlSequenceNode seq)
        {
            bag.Error((int)root.Start.Line, (int)root.Start.Column, $"expected a list of {what} entries, each starting with '- '.");
            return result;
        }

        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                bag.Error((int)item.Start.Line, (int)item.Start.Column, $"each {what} is a set of 'key: value' fields.");
                continue;
            }

            if (read(new YamlMap(mapping, bag, 0)) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }
}
