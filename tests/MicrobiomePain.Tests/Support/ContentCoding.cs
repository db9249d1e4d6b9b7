using System.IO.Compression;

namespace MicrobiomePain.Tests.Support;

/// <summary>Undoes a response's Content-Encoding (the tests turn automatic decompression off to see what was sent).</summary>
public static class ContentCoding
{
    public static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"unexpected Content-Encoding {encoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
