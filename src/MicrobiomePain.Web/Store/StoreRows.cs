using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MicrobiomePain.Web.Store;

/// <summary>The rows of one store, flattened from a <see cref="ContentSet"/> with every foreign key set explicitly.</summary>
public sealed record StoreRows(
    IReadOnlyList<EvidenceLevelRow> Levels,
    IReadOnlyList<ConditionRow> Conditions,
    IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<ClaimRow> Claims,
    IReadOnlyList<CaveatRow> Caveats,
    IReadOnlyList<ClaimConditionRow> ClaimConditions,
    IReadOnlyList<ClaimSourceRow> ClaimSources,
    IReadOnlyList<ClaimAliasRow> Aliases,
    IReadOnlyList<StoreInfoRow> Info)
{
    public IReadOnlyList<PageRow> Pages { get; init; } = [];

    public IReadOnlyList<ClaimHistoryRow> History { get; init; } = [];

    public IReadOnlyList<FacetTermRow> FacetTerms { get; init; } = [];

    public IReadOnlyList<ArticleSentenceRow> ArticleSentences { get; init; } = [];

    /// <summary>The search index's text of each claim's evidence and caveats, taken from the parse (not stored as rows).</summary>
    public IReadOnlyList<ClaimSearchText> SearchText { get; init; } = [];

    public static StoreRows From(ContentSet content)
    {
        var ranks = content.Levels.ToDictionary(l => l.Slug, l => l.Rank);
        var claims = new List<ClaimRow>(content.Claims.Count);
        var caveats = new List<CaveatRow>();
        var claimConditions = new List<ClaimConditionRow>();
        var claimSources = new List<ClaimSourceRow>();
        var aliases = new List<ClaimAliasRow>();
        var history = new List<ClaimHistoryRow>();
        var searchText = new List<ClaimSearchText>(content.Claims.Count);
        var sourcesByKey = content.Sources.ToDictionary(s => s.Key, StringComparer.Ordinal);
        foreach (var claim in content.Claims)
        {
            var number = ClaimId.Parse(claim.Id).Number;
            // Graded once per build: the check's grading when the set was checked (ContentReader), else graded here.
            var grading = content.Gradings is { } graded ? graded.GetValueOrDefault(claim.Id) : Grading.ClaimGrader.For(claim, sourcesByKey);
            claims.Add(new ClaimRow
            {
                CertaintyRank = grading is null ? -1 : (int)grading.Grade.Certainty,
                ArticleStrength = grading is null ? null : (int)grading.Strength.Strength,
                Overstatement = grading?.Overstatement.Steps,
                DomainSteps = grading is null ? null : string.Join(',', grading.Grade.Domains.Select(d => d.Steps)),
                CertaintyJson = grading is null ? null : CertaintyViews.Json(grading, sourcesByKey, claim.Grading.PanelGrades),
                Verdict = claim.Grading.Verdict?.Rating,
                VerdictJson = claim.Grading.Verdict is { } verdict ? CertaintyViews.VerdictJson(verdict, claim.Grading.PanelGrades) : null,
                Number = number, Id = claim.Id, Slug = claim.Slug, Title = claim.Title, Kind = claim.Kind,
                LevelSlug = claim.Evidence, LevelRank = ranks[claim.Evidence], LevelReasoning = claim.LevelReasoning,
                ArticleQuote = claim.ArticleQuote, HypeGap = claim.HypeGap, Reviewed = claim.Reviewed,
                SummaryHtml = claim.SummaryHtml, SummaryText = claim.SummaryText, EvidenceHtml = claim.EvidenceHtml,
                WhatWouldChangeHtml = claim.WhatWouldChangeHtml, FirstCaveatHtml = claim.CaveatsHtml[0],
                TravelStudy = claim.Travel?.Study, TravelStudySource = claim.Travel?.StudySource,
                TravelFeature = claim.Travel?.Feature, TravelFeatureNote = claim.Travel?.FeatureNote,
                TravelEntered = claim.Travel?.Entered,
            });
            history.AddRange(claim.History.Select((h, i) => new ClaimHistoryRow
            {
                ClaimNumber = number, Position = i, Date = h.Date, Change = h.Change, Why = h.Why,
            }));
            searchText.Add(new ClaimSearchText(number, claim.EvidenceSearchText, string.Join(' ', claim.CaveatsSearchText)));
            caveats.AddRange(claim.CaveatsHtml.Select((html, i) => new CaveatRow { ClaimNumber = number, Position = i, Html = html }));
            claimConditions.AddRange(claim.Conditions.Select(c => new ClaimConditionRow { ClaimNumber = number, ConditionSlug = c }));
            claimSources.AddRange(claim.Sources.Select((s, i) => new ClaimSourceRow
            {
                ClaimNumber = number, SourceKey = s.Key, Relation = s.Relation, Note = s.Note, Position = i,
            }));
            aliases.AddRange(claim.Aliases.Select(a => new ClaimAliasRow { Slug = a, ClaimNumber = number }));
        }

        return new StoreRows(
            content.Levels.Select(l => new EvidenceLevelRow
            {
                Slug = l.Slug, Name = l.Name, Rank = l.Rank, Symbol = l.Symbol, Description = l.Description, MoveUp = l.MoveUp,
            }).ToList(),
            content.Conditions.Select((c, i) => new ConditionRow { Slug = c.Slug, Name = c.Name, Description = c.Description, Position = i }).ToList(),
            content.Sources.Select(s => new SourceRow
            {
                Key = s.Key, Authors = s.Authors, Year = s.Year, Title = s.Title, Journal = s.Journal, Doi = s.Doi,
                Pmid = s.Pmid, Pmcid = s.Pmcid, Url = s.Url, StudyType = s.StudyType, Population = s.Population,
                SampleSize = s.SampleSize, Finding = s.Finding, Verification = s.Verification,
                UnverifiedFields = string.Join(',', s.Unverified), PartlyVerifiedFields = string.Join(',', s.PartlyVerified),
                SeenAt = string.Join('\n', s.SeenAt.Select(kv => kv.Key + " " + kv.Value)),
                CertaintyInputs = string.Join('\n', s.Parts.Select(p =>
                    $"{p.Design} {p.PopulationKind} {p.SampleSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} {p.RiskOfBias}")),
                RiskOfBiasReason = s.RiskOfBiasReason,
                Note = s.Note,
            }).ToList(),
            claims,
            caveats,
            claimConditions,
            claimSources,
            aliases,
            [
                new StoreInfoRow { Key = StoreBuilder.HashKey, Value = content.Hash },
                new StoreInfoRow { Key = StoreBuilder.FormatKey, Value = ContentHash.FormatVersion },
                new StoreInfoRow
                {
                    Key = StoreBuilder.BuiltAtKey,
                    Value = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                },
            ])
        {
            FacetTerms = content.Kinds.Select((k, i) => new FacetTermRow { Facet = "kind", Slug = k.Slug, Name = k.Name, Position = i }).ToList(),
            Pages = content.Pages.Select(p => new PageRow { Slug = p.Slug, Title = p.Title, Html = p.Html, Path = p.Path, Description = p.Description, Nav = p.Nav }).ToList(),
            History = history,
            SearchText = searchText,
            ArticleSentences = ArticleRows(content.Article),
        };
    }

    /// <summary>The article's sentences in order, each section's heading first (number 0).</summary>
    private static List<ArticleSentenceRow> ArticleRows(ArticleRecord? article)
    {
        var rows = new List<ArticleSentenceRow>();
        foreach (var section in article?.Sections ?? [])
        {
            rows.Add(new ArticleSentenceRow
            {
                Position = rows.Count, Section = section.Number, Number = 0, Opens = section.Heading, Mark = SentenceMarks.Heading, ClaimIds = "",
            });
            foreach (var s in section.Sentences)
            {
                rows.Add(new ArticleSentenceRow
                {
                    Position = rows.Count, Section = s.Section, Number = s.Number, Opens = s.Opens,
                    Mark = s.Claims.Count > 0 ? ArticleSentenceRow.Claim : s.PartOf is not null ? ArticleSentenceRow.Part : s.Mark!,
                    Reason = s.Reason,
                    ClaimIds = string.Join(',', s.Claims.Count > 0 ? s.Claims : s.PartOf is { } p ? [p] : s.Restates),
                });
            }
        }

        return rows;
    }
}

/// <summary>The words of a claim's evidence and caveats for the search index (see <see cref="ContentSearchText.Of"/>).</summary>
public sealed record ClaimSearchText(int ClaimNumber, string Evidence, string Caveats);

/// <summary>
/// Inserts rows with one prepared INSERT per table, its parameters made once and given each row's values in turn (the
/// change tracker costs more than parsing at 10k+ claims). Table and column names and value conversions come from EF
/// Core's model, so the schema has a single owner. Runs in <paramref name="transaction"/>.
/// </summary>
public sealed class StoreRowWriter(IModel model, SqliteTransaction transaction)
{
    public void Insert<T>(IReadOnlyList<T> rows)
        where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the store model.");
        var properties = entity.GetProperties().ToList();
        using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
        var parameters = properties.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
        var values = properties.Select(ProviderValue<T>).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i](row) ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>A property's value as the provider stores it (EF's value converter applied).</summary>
    private static Func<T, object?> ProviderValue<T>(IProperty property)
    {
        var info = property.PropertyInfo!;
        if (property.GetTypeMapping().Converter is not { } converter)
        {
            return r => info.GetValue(r);
        }

        return r => info.GetValue(r) is { } value ? converter.ConvertToProvider(value) : null;
    }
}
