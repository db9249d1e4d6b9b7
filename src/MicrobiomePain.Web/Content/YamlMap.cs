using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Typed, positioned reads from one YAML mapping. Every problem becomes a diagnostic at the
/// node's own line and column, so authors are pointed at the exact value to fix.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly DiagnosticBag _bag;
    private readonly int _lineOffset;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, DiagnosticBag bag, int lineOffset)
    {
        _node = node;
        _bag = bag;
        _lineOffset = lineOffset;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalar && scalar.Value is { } name)
            {
                if (!_entries.TryAdd(name, (scalar, value)))
                {
                    Error(scalar, $"'{name}' is given twice; keep one.");
                }
            }
            else
            {
                Error(key, "a key must be a plain word such as 'title'.");
            }
        }
    }

    public SourcePosition Position => PositionOf(_node);

    /// <summary>A map over a nested mapping, reporting into the same file at the same offset.</summary>
    public YamlMap Nested(YamlMappingNode node) => new(node, _bag, _lineOffset);

    /// <summary>
    /// A key holding a non-empty list of mappings (history entries, panel grades): each mapping is read by
    /// <paramref name="read"/> (null: it reported its own problems); a wrong shape is reported with the messages given.
    /// </summary>
    public List<T> ReadMappings<T>(string key, string listMessage, string itemMessage, Func<YamlMap, YamlMappingNode, T?> read)
        where T : class
    {
        var result = new List<T>();
        var node = Node(key);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Error(node, listMessage);
            return result;
        }

        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                Error(item, itemMessage);
            }
            else if (read(Nested(entry), entry) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    public SourcePosition PositionOf(YamlNode node) =>
        new((int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    public SourcePosition PositionOfKey(string key) =>
        _entries.TryGetValue(key, out var e) ? PositionOf(e.Key) : Position;

    public void Error(YamlNode node, string message)
    {
        var p = PositionOf(node);
        _bag.Error(p.Line, p.Column, message);
    }

    public void Error(SourcePosition p, string message) => _bag.Error(p.Line, p.Column, message);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The key's value as a mapping; null when the key is absent, or (with <paramref name="shape"/> as the error) not a mapping.</summary>
    public YamlMappingNode? Mapping(string key, string shape)
    {
        var node = Node(key);
        if (node is not null and not YamlMappingNode)
        {
            Error(node, shape);
        }

        return node as YamlMappingNode;
    }

    /// <summary>Reports keys that are not in <paramref name="known"/>, suggesting the nearest known key (typos such as 'condtions').</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known, string where)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (known.Contains(name))
            {
                continue;
            }

            var nearest = Nearest(name, known);
            var hint = nearest is null ? $"known keys in {where}: {string.Join(", ", known)}" : $"did you mean '{nearest}'?";
            Error(key, $"unknown key '{name}' in {where}; {hint}");
        }
    }

    public string? String(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error(Position, $"missing required field '{key}'.");
            }

            return null;
        }

        if (node is not YamlScalarNode { Value: var value })
        {
            Error(node, $"'{key}' must be a single text value, not a list or mapping.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Error(node, $"'{key}' is empty; give it a value.");
            }

            return null;
        }

        return value.Trim();
    }

    public int? Int(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Error(Node(key)!, $"'{key}' must be a whole number, not '{text}'.");
        return null;
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Error(Node(key)!, $"'{key}' must be a date written as YYYY-MM-DD (for example 2026-11-24), not '{text}'.");
        return null;
    }

    /// <summary>A list of plain values; a single scalar is accepted as a list of one.</summary>
    public IReadOnlyList<(string Value, SourcePosition Position)> StringList(string key, bool required)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Error(Position, $"missing required field '{key}'.");
                }

                return [];
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [(single.Trim(), PositionOf(node))];
            case YamlSequenceNode seq:
                var items = new List<(string, SourcePosition)>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v })
                    {
                        items.Add((v.Trim(), PositionOf(item)));
                    }
                    else
                    {
                        Error(item, $"each entry of '{key}' must be a plain value.");
                    }
                }

                if (items.Count == 0 && required)
                {
                    Error(node, $"'{key}' is empty; list at least one value.");
                }

                return items;
            default:
                Error(node, $"'{key}' must be a list such as [a, b].");
                return [];
        }
    }

    /// <summary>Parses YAML text into its root node, or reports the syntax error at its position.</summary>
    public static YamlNode? ParseRoot(string yaml, DiagnosticBag bag, int lineOffset)
    {
        // One pass: the representation model is loaded from a parser that remembers where the last good event ended, because
        // some malformed input makes YamlDotNet's scanner throw InvalidOperationException without a position. (Walking the
        // events first and then loading parsed every front matter twice: most of a claim's parse time at 10k claims.)
        var parser = new PositionedParser(new Parser(new StringReader(yaml)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex) when (parser.Failed)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            bag.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, $"malformed YAML: {StripMark(message)}");
            return null;
        }
        catch (YamlException ex)
        {
            // The representation model's own errors (a key given twice in one mapping) carry a position: they are the
            // author's mistake, reported like any other, not a crash of the build (a merge of two history edits did this).
            bag.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, $"malformed YAML: {StripMark(ex.Message)}; each key may appear once in a mapping.");
            return null;
        }
        catch (InvalidOperationException) when (parser.Failed)
        {
            bag.Error((int)parser.Last.Line + lineOffset, (int)parser.Last.Column, "malformed YAML after this point: check for an unclosed [ ], { } or quote.");
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>
    /// A parser that records the end of the last event it produced, and whether the parser itself failed (as opposed to the
    /// representation model built from its events, whose exceptions are not malformed-YAML diagnostics).
    /// </summary>
    private sealed class PositionedParser(IParser inner) : IParser
    {
        public Mark Last { get; private set; } = Mark.Empty;

        public bool Failed { get; private set; }

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                var moved = inner.MoveNext();
                if (moved && inner.Current is { } current)
                {
                    Last = current.End;
                }

                return moved;
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                Failed = true;
                throw;
            }
        }
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (…): "; we give our own position.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    private static string? Nearest(string name, IReadOnlyCollection<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = Distance(name, k);
            if (d < bestDistance)
            {
                (best, bestDistance) = (k, d);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
