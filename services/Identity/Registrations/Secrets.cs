using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>Client secrets: 32 random bytes, base64url. Kept in files readable by their owner only, never in the repository.</summary>
public static class Secrets
{
    public static string New() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret in <paramref name="path"/>, written there first when the file does not exist yet (first start).</summary>
    public static string ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var file = new FileStream(path, options);
            using var writer = new StreamWriter(file);
            writer.Write(New());
        }
        return Read(path);
    }

    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot read the client secret file '{path}': {e.Message} Mount it there or correct the path.", e);
        }
    }
}
