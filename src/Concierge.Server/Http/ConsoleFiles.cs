using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Concierge.Server.Http;

/// <summary>
/// The web attendant console: the static files of the <c>console</c> folder next to the binary (plain ES modules and
/// CSS, no build step) served at <c>/</c>, <c>index.html</c> for the folder. They are sent with <c>no-cache</c> (the
/// browser asks again after an update) and a content security policy that allows only this server's own scripts,
/// styles and connections.
/// </summary>
public static class ConsoleFiles
{
    /// <summary>The folder of the console's files in the build output.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>Serves the console at <c>/</c>; nothing when the folder is missing (the API works without it).</summary>
    public static void UseConsoleFiles(this WebApplication app)
    {
        if (!System.IO.Directory.Exists(Folder)) return;
        var files = new PhysicalFileProvider(Folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
