using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// <c>{slug:slug}</c> in a route: the value must be a slug as content defines it (<see cref="ClaimParser.IsValidSlug"/>),
/// so a page never runs for an address no claim or condition could have; routing answers 404 (the site's 404 page).
/// </summary>
public sealed class SlugConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && ClaimParser.IsValidSlug(slug);
}
