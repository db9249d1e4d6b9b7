using MicrobiomePain.Web.Claims;
using Microsoft.OpenApi;

namespace MicrobiomePain.Web.Api;

/// <summary>
/// What the OpenAPI document cannot infer: the list endpoints read their filters from the query string through
/// <see cref="ClaimFilterParser"/> (one parser for pages, API and exports), so their parameters are described here.
/// </summary>
public static class OpenApiDocs
{
    public static TBuilder WithFilterParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in FilterParameters())
            {
                operation.Parameters.Add(parameter);
            }

            return Task.CompletedTask;
        });

    private static IEnumerable<OpenApiParameter> FilterParameters()
    {
        static OpenApiParameter Query(string name, string description, OpenApiSchema schema, bool repeatable = false) => new()
        {
            Name = name,
            In = ParameterLocation.Query,
            Description = description,
            Schema = repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            Style = ParameterStyle.Form,
            Explode = true,
        };

        var slug = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$" };
        yield return Query("condition", "Condition slug (see /api/conditions); repeat for several (any of them). Unknown slugs are a 400 naming the valid ones.", slug, repeatable: true);
        yield return Query("evidence", "Evidence level slug (see /api/evidence-levels); repeat for several (any of them).", slug, repeatable: true);
        yield return Query("min", "Only claims at this evidence level or stronger.", slug);
        yield return Query("certainty", "Certainty of the evidence (see /evidence/method): high, moderate, low, very-low, no-direct-evidence, not-graded; repeat for several (any of them).", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. CertaintyBadge.All.Select(c => (System.Text.Json.Nodes.JsonNode)c.Slug)],
        }, repeatable: true);
        yield return Query("verdict", "Accuracy verdict of a claim about the research or about recommendations (see /evidence/method): accurate, partly-accurate, inaccurate, cannot-be-checked; repeat for several (any of them).", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. VerdictBadge.All.Select(v => (System.Text.Json.Nodes.JsonNode)v.Slug)],
        }, repeatable: true);
        yield return Query("q", $"Search words (question words and other stop words are dropped; each word matches as a prefix, with its stemmed forms and the synonyms of content/vocabulary.yml; all must match, and when no claim has them all, claims with any of them are listed and `search.fallback` is true); at most {ClaimSearch.MaxQueryLength} characters and {ClaimSearch.MaxTerms} words. Search syntax is treated as text.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClaimSearch.MaxQueryLength });
        yield return Query("sort", "Order: relevance (default when searching), strength (default otherwise), article, title, reviewed, overstatement (most overstated first).", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetNames<ClaimSort>().Select(n => (System.Text.Json.Nodes.JsonNode)n.ToLowerInvariant())],
        });
        yield return Query("page", $"Page number, from 1 ({ClaimFilter.PageSize} claims a page); exports ignore it and return every match.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
    }
}
