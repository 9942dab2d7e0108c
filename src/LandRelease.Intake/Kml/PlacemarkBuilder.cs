using System.Xml;
using System.Xml.Linq;

namespace LandRelease.Intake.Kml;

/// <summary>
/// Loads one placemark element by element, refusing it once it nests deeper than a KML geometry can. XNode.ReadFrom
/// is not used because each element it adds walks up through its ancestors: a placemark nested a million deep
/// (a few MB) would take hours. Here no element has more than <see cref="MaxDepth"/> ancestors.
/// </summary>
internal static class PlacemarkBuilder
{
    /// <summary>Deepest element nesting inside one placemark; a real one is under ten.</summary>
    public const int MaxDepth = 32;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Reads the element the reader is on and leaves the reader on the node after it.</summary>
    public static async Task<XElement> ReadAsync(XmlReader reader, int index)
    {
        var root = Start(reader);
        var open = new Stack<XElement>();
        if (!reader.IsEmptyElement)
        {
            open.Push(root);
        }

        while (open.Count > 0 && await reader.ReadAsync())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = Start(reader);
                    open.Peek().Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        if (open.Count >= MaxDepth)
                        {
                            throw new UploadFormatException(UploadFormatErrors.NestedTooDeep,
                                $"Placemark {index}'s elements nest more than {MaxDepth} deep; no KML geometry needs so many.");
                        }

                        open.Push(element);
                    }

                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    open.Peek().Add(new XText(await reader.GetValueAsync()));
                    break;
            }
        }

        await reader.ReadAsync();
        return root;
    }

    private static XElement Start(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != XmlnsNamespace)
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }
}
