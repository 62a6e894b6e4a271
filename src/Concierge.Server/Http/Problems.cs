using Concierge.Cps.Engine;

namespace Concierge.Server.Http;

/// <summary>The API's answers in RFC 9457 problem details: 400 for input it cannot read, 409 for a command the engine refused.</summary>
public static class Problems
{
    /// <summary>400 naming the field and the value.</summary>
    public static IResult BadInput(BadInputException ex) => Results.Problem(
        detail: ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad input",
        extensions: new Dictionary<string, object?> { ["field"] = ex.Field, ["value"] = ex.Value });

    /// <summary>404 naming the field and the value: nothing of that name the caller may see.</summary>
    public static IResult NotFound(string field, string value, string reason) => Results.Problem(
        detail: $"{field}: \"{value}\" {reason}", statusCode: StatusCodes.Status404NotFound, title: "not found",
        extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    /// <summary>401: no live token (with the <c>WWW-Authenticate: Bearer</c> challenge set by the caller).</summary>
    public static IResult Unauthorized(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "not logged on");

    /// <summary>403: the account's role does not allow this.</summary>
    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "not allowed");

    /// <summary>200 with <c>{"result":"ok"}</c>, or 409 with the engine's reason.</summary>
    public static IResult Of(CommandResult result) => result.Succeeded
        ? Results.Json(new { result = "ok" })
        : Results.Problem(detail: result.Error, statusCode: StatusCodes.Status409Conflict, title: "refused");

    /// <summary>Runs <paramref name="handler"/>, answering bad input with 400 instead of an exception.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (BadInputException ex)
        {
            return BadInput(ex);
        }
    }
}
