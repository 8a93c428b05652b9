using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Responsibilities;

public enum MailSecurity
{
    /// <summary>TLS when the server offers it (STARTTLS), plain otherwise.</summary>
    Auto,

    /// <summary>STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a relay on the same machine or a test server.</summary>
    None,
}

/// <summary>SMTP for report delivery. Without Host and From nothing is e-mailed; reports stay with the coordinators.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Set from the environment (Mail__User, Mail__Password), never in a file of the repository.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. "VillageBot &lt;bot@example.lv&gt;".</summary>
    public string? From { get; set; }

    public MailSecurity Tls { get; set; } = MailSecurity.Auto;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failure; it doubles after each further one (1 min, 2, 4, 8 …).</summary>
    [Range(0.01, 86_400)]
    public double RetrySeconds { get; set; } = 60;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public TimeSpan RetryDelay(int failures) => TimeSpan.FromSeconds(RetrySeconds * Math.Pow(2, Math.Max(0, failures - 1)));
}
