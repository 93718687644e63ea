using AppLayer.Protocol.Api;

namespace AppLayer.GitHub;

/// <summary>One labelled issue: its import request, or why it is skipped.</summary>
public sealed record IssueToImport(int Number, string Title, ImportLegalChangeRequest? Request, string? Problem);
