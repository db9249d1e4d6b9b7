using System.Globalization;
using System.Text;
using System.Xml;

namespace MicrobiomePain.Web.Api;

/// <summary>One entry of an Atom feed: a permanent id, what it is about, when, and where to read it.</summary>
public sealed record AtomEntry(string Id, string Title, DateOnly Updated, string Alternate, string Summary)
{
    /// <summary>(term, label) pairs: the entry's conditions.</summary>
    public IReadOnlyList<(string Term, string Label)> Categories { get; init; } = [];
}

/// <summary>
/// The one Atom (RFC 4287) writer: every feed of the site (the claim list's, a condition's, the changes') is a title, its
/// own address, the page it mirrors and its entries, newest first. A feed with no entry is dated today.
/// </summary>
public static class AtomFeed
{
    public const string MediaType = "application/atom+xml";
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static IResult Result(string title, string self, string alternate, IReadOnlyList<AtomEntry> entries)
    {
        var xml = new StringBuilder();
        using (var w = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("feed", Ns);
            w.WriteElementString("id", Ns, self);
            w.WriteElementString("title", Ns, title);
            w.WriteElementString("updated", Ns, Stamp(entries.Count > 0 ? entries[0].Updated : DateOnly.FromDateTime(DateTime.UtcNow)));
            w.WriteStartElement("author", Ns);
            w.WriteElementString("name", Ns, "MicrobiomePain");
            w.WriteEndElement();
            Link(w, "self", self, MediaType);
            Link(w, "alternate", alternate, "text/html");
            foreach (var entry in entries)
            {
                w.WriteStartElement("entry", Ns);
                w.WriteElementString("id", Ns, entry.Id);
                w.WriteElementString("title", Ns, entry.Title);
                w.WriteElementString("updated", Ns, Stamp(entry.Updated));
                Link(w, "alternate", entry.Alternate, "text/html");
                foreach (var (term, label) in entry.Categories)
                {
                    w.WriteStartElement("category", Ns);
                    w.WriteAttributeString("term", term);
                    w.WriteAttributeString("label", label);
                    w.WriteEndElement();
                }

                w.WriteElementString("summary", Ns, entry.Summary);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        // The writer says utf-16 (a StringBuilder's encoding); the bytes sent are UTF-8.
        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>An Atom date (RFC 3339) at the start of the day, UTC.</summary>
    public static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
}
