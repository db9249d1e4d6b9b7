using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// A claim's id, written "C" and its number ("C7"). The number is the store's key and the article order; ids are never
/// reused or renumbered.
/// </summary>
public readonly record struct ClaimId(int Number)
{
    /// <summary>The most digits a number may have (C1 to C9999999).</summary>
    public const int MaxDigits = 7;

    public override string ToString() => "C" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an id as a content file must write it: 'C', then a number without leading zeros, at most <see cref="MaxDigits"/> digits.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ClaimId id)
    {
        id = default;
        if (text is not { Length: >= 2 and <= MaxDigits + 1 } || text[0] != 'C' || text[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        id = new ClaimId(int.Parse(text.AsSpan(1), CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The id of a checked claim (its <see cref="ClaimDocument.Id"/> or a stored id); throws on anything else.</summary>
    public static ClaimId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a claim id (C followed by a number).");
}
