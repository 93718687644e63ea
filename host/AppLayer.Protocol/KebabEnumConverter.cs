using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppLayer.Protocol;

/// <summary>
/// Writes and reads an enum in JSON as its <see cref="KebabNames"/> name (<c>"rolled-back"</c>), so a JSON
/// document spells a value as the CLI and the database do. Reading refuses a name the enum does not declare.
/// </summary>
public sealed class KebabEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TEnum).Name} must be a string.");
        }

        try
        {
            return KebabNames.Parse<TEnum>(reader.GetString(), typeof(TEnum).Name);
        }
        catch (UserException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToName());
}
