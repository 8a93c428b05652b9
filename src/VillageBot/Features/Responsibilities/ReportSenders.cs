using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using VillageBot.Features.Reports;

namespace VillageBot.Features.Responsibilities;

/// <summary>Sends a report to a body by e-mail through the configured SMTP server (MailKit).</summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(Report report, ResponsibleBody body, ReportMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(o.From!));
        mail.To.Add(new MailboxAddress(body.Name, body.Email ?? throw new InvalidOperationException($"{body.Name} has no e-mail address.")));
        mail.Subject = message.Subject;

        // The same report to the same body always carries the same id, so a mail system can tell a repeat apart.
        mail.MessageId = $"{report.Reference}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body.Key)))[..16].ToLowerInvariant()}@villagebot";
        var builder = new BodyBuilder { TextBody = message.Text };
        if (message.Photo is { } photo)
        {
            builder.Attachments.Add(report.Reference + ".jpg", photo, ContentType.Parse("image/jpeg"));
        }

        mail.Body = builder.ToMessageBody();
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, o.Tls switch
        {
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        }, ct);
        if (!string.IsNullOrEmpty(o.User))
        {
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        }

        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>Posts a report to a body's own GeoReport v2 endpoint (POST requests.json), as its own system would receive it.</summary>
public sealed class Open311Sender(IHttpClientFactory http)
{
    public const string Client = "open311-delivery";

    public async Task SendAsync(Report report, ResponsibleBody body, ReportMessage message, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = body.Open311ServiceCode ?? report.Category,
            ["description"] = $"{report.Reference}: {report.Text}",
            ["attribute[reference]"] = report.Reference,
            ["attribute[supporters]"] = report.Supporters.Count.ToString(inv),
        };
        if (report.Latitude is double lat && report.Longitude is double lon)
        {
            fields["lat"] = lat.ToString("R", inv);
            fields["long"] = lon.ToString("R", inv);
        }

        if (message.ReporterName is { } name)
        {
            fields["first_name"] = name;
        }

        if (body.Open311ApiKeyVariable is { Length: > 0 } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key)
        {
            fields["api_key"] = key;
        }

        var url = body.Open311Endpoint!.TrimEnd('/') + "/requests.json";
        using var response = await http.CreateClient(Client).PostAsync(url, new FormUrlEncodedContent(fields), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase} from {url}", null, response.StatusCode);
        }
    }
}
