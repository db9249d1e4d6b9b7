using System.Text;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Reading content files: strict UTF-8 (a clear diagnostic for non-UTF-8 or empty files), the claim files in order, the
/// reference data files, and the paths diagnostics show.
/// </summary>
public static class ContentText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file as strict UTF-8, reporting a clear diagnostic for non-UTF-8 or empty files.</summary>
    public static string? Read(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            bag.Error(1, 1, $"cannot read the file: {ex.Message}");
            return null;
        }

        if (bytes.AsSpan().IndexOfAnyExcept(" \n\r\t"u8) < 0)
        {
            bag.Error(1, 1, "the file is empty.");
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = LineColumnOfByte(bytes, ex.Index);
            bag.Error(line, column, "the file is not valid UTF-8; save it with UTF-8 encoding.");
            return null;
        }
    }

    /// <summary>A path as diagnostics show it: relative to the working directory when under it, else full.</summary>
    public static string Display(string fullPath) => Display(fullPath, Path.GetFullPath(Environment.CurrentDirectory));

    /// <summary>As <see cref="Display(string)"/>, for many files against one working directory (one lookup of it, not one a file).</summary>
    public static string Display(string fullPath, string cwd)
    {
        return fullPath.StartsWith(cwd + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(cwd, fullPath)
            : fullPath;
    }

    /// <summary>The Markdown files of a folder, in ordinal order of their paths (none if the folder does not exist).</summary>
    public static IEnumerable<string> MarkdownFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal)
            : [];

    /// <summary>Reads and parses one reference data file; a missing file is an error.</summary>
    public static List<T> ReadYaml<T>(string path, List<ContentDiagnostic> diagnostics, Func<string, DiagnosticBag, List<T>> parse)
    {
        var bag = new DiagnosticBag(Display(path));
        if (!File.Exists(path))
        {
            bag.Error(1, 1, $"missing file; the content directory needs {Path.GetFileName(path)}.");
            diagnostics.AddRange(bag.Items);
            return [];
        }

        var text = Read(path, bag);
        var result = text is null ? [] : parse(text, bag);
        diagnostics.AddRange(bag.Items);
        return result;
    }

    private static (int Line, int Column) LineColumnOfByte(byte[] bytes, int index)
    {
        int line = 1, column = 1;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                (line, column) = (line + 1, 1);
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
