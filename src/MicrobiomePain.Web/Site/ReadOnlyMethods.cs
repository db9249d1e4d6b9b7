namespace MicrobiomePain.Web.Site;

/// <summary>
/// The site is read-only: every page, export and API answers GET and HEAD only. Razor Pages would otherwise render a
/// page for an unmatched method (TRACE, PUT, …) without running its handler, so other methods are answered here:
/// OPTIONS with 204 and the Allow header, anything else with 405.
/// </summary>
public static class ReadOnlyMethods
{
    public const string Allowed = "GET, HEAD, OPTIONS";

    public static IApplicationBuilder UseReadOnlyMethods(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            {
                await next(context);
                return;
            }

            context.Response.Headers.Allow = Allowed;
            if (HttpMethods.IsOptions(method))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"This site is read-only; use {Allowed}.");
        });
}
