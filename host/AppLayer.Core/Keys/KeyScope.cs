using AppLayer.Core.ServiceDesk.Contacts;

namespace AppLayer.Core.Keys;

/// <summary>What an API key may do.</summary>
public enum KeyScope
{
    /// <summary>Push packages to the feed.</summary>
    Publish,

    /// <summary>One installation's agent: read its updates, report results.</summary>
    Site,

    /// <summary>Everything else: customers, legal changes, histories.</summary>
    Manager,

    /// <summary>A customer's contact: reads only that customer's dashboard pages.</summary>
    Contact,
}
