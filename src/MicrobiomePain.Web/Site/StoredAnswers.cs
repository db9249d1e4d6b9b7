using System.Collections.Concurrent;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// The site's finished answers, kept as bytes with their headers and sent again as a static file server sends a file: the
/// fast path in front of the output cache (see docs/performance.md, "Compressed once, served many times"). Removed and put
/// back in issue 31: the output cache alone served a claim page at 0.67–0.75 of nginx's rate, under the 0.8 target
/// (docs/performance.md, "Issue 31: the three load scripts in one run").
/// <para>
/// An answer is kept only after it has gone through the whole pipeline once (rendered and compressed, or from the output
/// cache): a complete 200 to a plain GET of an output-cached endpoint, no Set-Cookie, at most <see cref="MaxBody"/> bytes.
/// It is keyed by the content version it was rendered from and by everything the output cache varies by, more finely:
/// scheme, host, path and the whole query string as sent, and the Accept-Encoding header as sent (the encoding is a function
/// of it). Its headers are the ones that response had (Content-Security-Policy and the other security headers, ETag,
/// Last-Modified, Cache-Control, Vary, Content-Type, Content-Encoding), minus Date, which the server sets, and with its
/// Content-Length. So a repeat is byte-for-byte the same answer, without the dozen middleware, the per-request services
/// and the output cache's key building, lock and entry decoding in between.
/// </para>
/// <para>
/// Conditional requests (If-None-Match, If-Modified-Since), HEAD, and requests with Authorization or Range go the full
/// way, so the output cache (and <see cref="NotModifiedBody"/>) stay the only owners of 304s. A new content version starts an empty set (the old
/// one is dropped), answers expire with the output cache's lifetime, and the set holds at most <see cref="MaxAnswers"/>
/// answers and <see cref="MaxBytes"/> bytes (past that, further answers are simply not kept). Off when output caching is.
/// </para>
/// </summary>
public sealed class StoredAnswers(ClaimStore store, TimeSpan lifetime)
{
    public const int MaxBody = 512 * 1024;
    public const int MaxAnswers = 20_000;
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive,
        HeaderNames.Server, HeaderNames.Age,
    };

    private Generation? _generation;

    private readonly record struct Key(string Scheme, string Host, string Path, string Query, string AcceptEncoding);

    /// <summary>A kept answer; <paramref name="Age"/> is its age in seconds when it was kept (the output cache's Age header, or 0 when it was just rendered).</summary>
    private sealed record Answer(KeyValuePair<string, StringValues>[] Headers, byte[] Body, long StoredAt, long Age);

    private sealed class Generation(StoreVersion version)
    {
        public StoreVersion Version { get; } = version;

        public ConcurrentDictionary<Key, Answer> Answers { get; } = new();

        public long Bytes;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var headers = request.Headers;
        if (!HttpMethods.IsGet(request.Method) || headers.ContainsKey(HeaderNames.IfNoneMatch) || headers.ContainsKey(HeaderNames.IfModifiedSince)
            || headers.ContainsKey(HeaderNames.Authorization) || headers.ContainsKey(HeaderNames.Range))
        {
            await next(context);
            return;
        }

        var key = new Key(request.Scheme, request.Host.Value ?? "", (request.PathBase + request.Path).Value ?? "", request.QueryString.Value ?? "",
            headers.AcceptEncoding.ToString());
        var generation = Volatile.Read(ref _generation);
        if (generation is not null && ReferenceEquals(generation.Version, store.Current) && generation.Answers.TryGetValue(key, out var answer)
            && Environment.TickCount64 - answer.StoredAt < lifetime.TotalMilliseconds)
        {
            await SendAsync(context.Response, answer, context.RequestAborted);
            return;
        }

        var body = context.Response.Body;
        await using var copy = new CopyingStream(body);
        context.Response.Body = copy;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (Keepable(context, copy))
        {
            Keep(context.RequestServices.GetRequiredService<StoreVersion>(), key, context.Response.Headers, copy.Copy!.ToArray());
        }
    }

    private static async Task SendAsync(HttpResponse response, Answer answer, CancellationToken aborted)
    {
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in answer.Headers)
        {
            headers[name] = value;
        }

        // As the output cache says it on a hit: the entry's age, grown by the time this answer has been kept.
        headers.Age = HeaderUtilities.FormatNonNegativeInt64(answer.Age + ((Environment.TickCount64 - answer.StoredAt) / 1000));

        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, aborted);
    }

    private static bool Keepable(HttpContext context, CopyingStream copy)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || context.RequestAborted.IsCancellationRequested || copy.Copy is not { Length: > 0 } bytes
            || response.Headers.ContainsKey(HeaderNames.SetCookie) || (response.ContentLength is { } length && length != bytes.Length))
        {
            return false;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        return metadata is not null && (metadata.GetMetadata<IOutputCachePolicy>() is not null || metadata.GetMetadata<OutputCacheAttribute>() is not null);
    }

    private void Keep(StoreVersion version, Key key, IHeaderDictionary headers, byte[] body)
    {
        var generation = Volatile.Read(ref _generation);
        if (generation is null || !ReferenceEquals(generation.Version, version))
        {
            if (!ReferenceEquals(version, store.Current))
            {
                return; // rendered from a version that is no longer served
            }

            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _generation, fresh, generation) == generation ? fresh : Volatile.Read(ref _generation)!;
            if (!ReferenceEquals(generation.Version, version))
            {
                return;
            }
        }

        // An expired answer is replaced in place; a new one is kept only while the set is within its bounds.
        var previous = generation.Answers.GetValueOrDefault(key);
        if (previous is null && (generation.Answers.Count >= MaxAnswers || Interlocked.Read(ref generation.Bytes) + body.Length > MaxBytes))
        {
            return;
        }

        var kept = headers.Where(h => !NotKept.Contains(h.Key)).ToArray();
        var age = HeaderUtilities.TryParseNonNegativeInt64(headers.Age.ToString(), out var seconds) ? seconds : 0;
        generation.Answers[key] = new Answer(kept, body, Environment.TickCount64, age);
        Interlocked.Add(ref generation.Bytes, body.Length - (previous?.Body.Length ?? 0));
    }

    /// <summary>Passes every write on and keeps a copy, up to <see cref="MaxBody"/> bytes (past that, no copy).</summary>
    private sealed class CopyingStream(Stream inner) : WriteThroughStream(inner)
    {
        public MemoryStream? Copy { get; private set; } = new();

        protected override bool Passes(ReadOnlySpan<byte> bytes)
        {
            Keep(bytes);
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Copy?.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Copy is null)
            {
                return;
            }

            if (Copy.Length + bytes.Length > MaxBody)
            {
                Copy.Dispose();
                Copy = null;
                return;
            }

            Copy.Write(bytes);
        }
    }
}
