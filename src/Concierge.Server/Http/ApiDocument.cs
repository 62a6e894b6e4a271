using Microsoft.OpenApi;

namespace Concierge.Server.Http;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi), built from the
/// end points' metadata: their names, summaries, request bodies and answers. It needs no token.
/// </summary>
public static class ApiDocument
{
    /// <summary>The name of the bearer token's security scheme in the document.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>Where the document is served.</summary>
    public const string Path = "/openapi/v1.json";

    /// <summary>Registers the document.</summary>
    public static void AddApiDocument(this IServiceCollection services) => services.AddOpenApi("v1", options =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Concierge attendant API";
            document.Info.Description =
                "The Concierge CPS server: log on with POST /api/logon to get a bearer token; every other /api route needs " +
                "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details naming the field and the value.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The token of POST /api/logon; every /api route but /api/logon needs it.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>Serves the document.</summary>
    public static void MapApiDocument(this WebApplication app) => app.MapOpenApi(Path.Replace("v1", "{documentName}", StringComparison.Ordinal));
}

/// <summary>The body of <c>POST /api/logon</c>.</summary>
/// <param name="Account"><c>&lt;tenant&gt;\&lt;name&gt;</c>.</param>
/// <param name="Password">The account's password.</param>
public sealed record LogonRequest(string Account, string Password);

/// <summary>The answer of a successful log-on.</summary>
public sealed record LogonAnswer(string Token, DateTimeOffset ExpiresAt, string Account, string Tenant, string Role);

/// <summary>Who a token belongs to.</summary>
public sealed record AccountAnswer(string Account, string Tenant, string Role);

/// <summary>The body of <c>logon</c>.</summary>
public sealed record LogonAttendantRequest(bool Available);

/// <summary>The body of <c>pick</c> and <c>retrieve</c>.</summary>
public sealed record CallIdRequest(long CallId);

/// <summary>The body of <c>transfer</c> and <c>page</c>: the target as the attendant typed it ("+" and the international number, or digits as dialled on the PABX: an extension, or with access codes).</summary>
public sealed record TargetRequest(string Target);

/// <summary>A command's success.</summary>
public sealed record OkAnswer(string Result);
