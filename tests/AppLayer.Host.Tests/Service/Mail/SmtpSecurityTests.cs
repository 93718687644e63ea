using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Host.ServiceDesk;
using AppLayer.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Service.Mail;

/// <summary>
/// The outbox through STARTTLS and SMTP authentication to a real SMTP server (SmtpServer package) on loopback that
/// presents a self-signed certificate, takes mail only from an authenticated user and takes no password in the clear.
/// </summary>
public static class SmtpSecurityTests
{
    private static readonly X509Certificate2 Certificate = SelfSigned();

    private static readonly string CertificateFile = WritePublicPart(Certificate);

    private static string Port(LoopbackSmtpServer server) => server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed class StartTlsAndAuthentication()
        : ServiceDeskFixture(
            ("AppLayer:Mail:SmtpHost", "127.0.0.1"), ("AppLayer:Mail:SmtpPort", Port(Smtp)), ("AppLayer:Mail:PollInterval", "01:00:00"), ("AppLayer:Mail:Timeout", "00:00:05"),
            ("AppLayer:Mail:Security", "StartTls"), ("AppLayer:Mail:UserName", "helpdesk"), ("AppLayer:Mail:Password", "s3cret"), ("AppLayer:Mail:TrustedCertificate", CertificateFile))
    {
        private static readonly LoopbackSmtpServer Smtp = new(Certificate, ("helpdesk", "s3cret"));

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.StopAsync();
        }

        [Fact]
        public async Task A_mail_goes_out_under_tls_as_the_configured_user_to_a_server_with_the_trusted_self_signed_certificate()
        {
            await Smtp.StartAsync();
            var ticket = await OpenAsync("Payroll export fails", priority: "urgent");

            (await Host.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)).ShouldBe(1);

            Smtp.Received.ShouldHaveSingleItem().Subject.ShouldBe($"[AL-{ticket.Id}] Received: Payroll export fails");
            Smtp.Sessions.ShouldHaveSingleItem().ShouldBe((true, "helpdesk"));
        }
    }

    public sealed class WrongPassword()
        : ServiceDeskFixture(
            ("AppLayer:Mail:SmtpHost", "127.0.0.1"), ("AppLayer:Mail:SmtpPort", Port(Smtp)), ("AppLayer:Mail:PollInterval", "01:00:00"), ("AppLayer:Mail:Timeout", "00:00:05"),
            ("AppLayer:Mail:Security", "StartTls"), ("AppLayer:Mail:UserName", "helpdesk"), ("AppLayer:Mail:Password", "wrong"), ("AppLayer:Mail:TrustedCertificate", CertificateFile))
    {
        private static readonly LoopbackSmtpServer Smtp = new(Certificate, ("helpdesk", "s3cret"));

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.StopAsync();
        }

        [Fact]
        public async Task A_refused_login_is_a_failed_attempt_and_the_mail_waits()
        {
            await Smtp.StartAsync();
            await OpenAsync("Payroll export fails", priority: "urgent");

            (await Host.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)).ShouldBe(0);

            Smtp.Received.ShouldBeEmpty();
            var mail = (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, CancellationToken.None)).ShouldHaveSingleItem();
            mail.SentAt.ShouldBeNull();
            mail.Attempts.ShouldBe(1);
            mail.LastError.ShouldNotBeNull();
        }
    }

    public sealed class UntrustedCertificate()
        : ServiceDeskFixture(
            ("AppLayer:Mail:SmtpHost", "127.0.0.1"), ("AppLayer:Mail:SmtpPort", Port(Smtp)), ("AppLayer:Mail:PollInterval", "01:00:00"), ("AppLayer:Mail:Timeout", "00:00:05"),
            ("AppLayer:Mail:Security", "StartTls"), ("AppLayer:Mail:UserName", "helpdesk"), ("AppLayer:Mail:Password", "s3cret"))
    {
        private static readonly LoopbackSmtpServer Smtp = new(Certificate, ("helpdesk", "s3cret"));

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.StopAsync();
        }

        [Fact]
        public async Task A_server_whose_certificate_is_not_trusted_gets_neither_the_password_nor_the_mail()
        {
            await Smtp.StartAsync();
            await OpenAsync("Payroll export fails", priority: "urgent");

            (await Host.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None)).ShouldBe(0);

            Smtp.Received.ShouldBeEmpty();
            (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, CancellationToken.None)).ShouldHaveSingleItem().Attempts.ShouldBe(1);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static string WritePublicPart(X509Certificate2 certificate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"applayer-smtp-{Guid.NewGuid():N}.cer");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
        return path;
    }
}
