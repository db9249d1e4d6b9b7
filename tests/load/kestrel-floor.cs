#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
// The floor for the load comparison: the cheapest answer Kestrel can give with the app's own bytes and headers. It serves a
// folder of files as tests/load/run.sh writes them (list.html, list.html.br, list.html.gz, …, each with a NAME.headers file
// holding the app's response headers as curl -D wrote them) with nothing in between: no middleware, no routing, no logging,
// one write per answer. Encoding is picked as nginx's brotli_static/gzip_static pick it (br if asked, then gzip), which
// for the scripts' two cases (none; "br, gzip") is what the app picks. run.sh measures it in the same rounds as the app
// and nginx, so "app / floor" is what the app's pipeline costs and "floor / nginx" is what Kestrel itself costs here.
// Usage: dotnet run tests/load/kestrel-floor.cs -- <folder> --urls http://127.0.0.1:PORT
using Microsoft.Extensions.Primitives;

var folder = args[0];
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Logging.ClearProviders();
var app = builder.Build();

var answers = new Dictionary<string, (KeyValuePair<string, StringValues>[] Headers, byte[] Body)>(StringComparer.Ordinal);
foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".headers", StringComparison.Ordinal)))
{
    var headersFile = file + ".headers";
    var headers = File.Exists(headersFile)
        ? File.ReadAllLines(headersFile)
            .Skip(1) // the status line
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] is not ("Date" or "Content-Length" or "Transfer-Encoding"))
            .Select(parts => KeyValuePair.Create(parts[0], new StringValues(parts[1].Trim())))
            .ToArray()
        : [];
    answers["/" + Path.GetFileName(file)] = (headers, File.ReadAllBytes(file));
}

app.Run(async context =>
{
    var path = context.Request.Path.Value ?? "/";
    var accept = context.Request.Headers.AcceptEncoding.ToString();
    var chosen = accept.Contains("br", StringComparison.Ordinal) && answers.ContainsKey(path + ".br") ? path + ".br"
        : accept.Contains("gzip", StringComparison.Ordinal) && answers.ContainsKey(path + ".gz") ? path + ".gz"
        : path;
    if (!answers.TryGetValue(chosen, out var answer))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    var headers = context.Response.Headers;
    foreach (var (name, value) in answer.Headers)
    {
        headers[name] = value;
    }

    context.Response.ContentLength = answer.Body.Length;
    await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
});
app.Run();
