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
        foreach (var dimension in FilterDimensions.All)
        {
            var choices = dimension.Fixed is { } terms
                ? new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. terms.Select(t => (System.Text.Json.Nodes.JsonNode)t.Slug)] }
                : slug;
            yield return Query(dimension.Word, dimension.Description, choices, repeatable: true);
            if (dimension.Minimum is { } min)
            {
                yield return Query(min.Word, min.Description, slug);
            }
        }

        yield return Query("q", $"Search words (question words and other stop words are dropped; each word matches as a prefix, with its stemmed forms and the synonyms of content/vocabulary.yml; all must match, and when no claim has them all, claims with any of them are listed and `search.fallback` is true); at most {ClaimSearch.MaxQueryLength} characters and {ClaimSearch.MaxTerms} words. Search syntax is treated as text.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClaimSearch.MaxQueryLength });
        yield return Query("sort", "Order: relevance (default when searching), strength (default otherwise), article, title, reviewed, overstatement (most overstated first).", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetNames<ClaimSort>().Select(n => (System.Text.Json.Nodes.JsonNode)n.ToLowerInvariant())],
        });
        yield return Query("page", $"Page number, from 1 ({ClaimFilter.PageSize} claims a page); exports ignore it and return every match.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
    }
}
