using System.Text.Json;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary>Reads agreement terms for <c>applayer customer agreement --terms FILE</c>.</summary>
internal static class AgreementTermsFile
{
    public static async Task<AgreementTermsDto?> ReadAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UserException($"terms file '{path}' does not exist.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<AgreementTermsDto>(stream, AppLayerClient.Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new UserException($"terms file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
