namespace MicrobiomePain.Web.Content;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in the content, positioned so an editor can jump to it.
/// Lines and columns are 1-based, as editors count them.
/// </summary>
public sealed record ContentDiagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";
}

/// <summary>Collects diagnostics for one file so each stage can report without passing the path around.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<ContentDiagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<ContentDiagnostic> Items => _items;

    public void Error(int line, int column, string message) =>
        _items.Add(new ContentDiagnostic(File, Math.Max(1, line), Math.Max(1, column), DiagnosticSeverity.Error, message));

    public void Warning(int line, int column, string message) =>
        _items.Add(new ContentDiagnostic(File, Math.Max(1, line), Math.Max(1, column), DiagnosticSeverity.Warning, message));
}
