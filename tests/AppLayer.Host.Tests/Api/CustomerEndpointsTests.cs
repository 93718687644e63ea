using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public static class CustomerEndpointsTests
{
    public abstract class WithManager : IAsyncLifetime
    {
        protected HostFactory Host { get; } = new();

        protected HttpClient Manager { get; private set; } = null!;

        public async Task InitializeAsync() => Manager = await Host.ManagerAsync();

        public async Task DisposeAsync()
        {
            Manager.Dispose();
            await Host.DisposeAsync();
        }
    }

    public sealed class PostCustomers : WithManager
    {
        [Fact]
        public async Task Creates_a_customer_with_201_and_its_location()
        {
            using var response = await Manager.PostAsJsonAsync("/api/customers", new CreateCustomerRequest("novak", " Novák s.r.o. "));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            response.Headers.Location!.OriginalString.ShouldBe("/api/customers/novak");
            var created = await response.ReadAsync<CustomerDto>();
            created.ShouldBe(created with { Code = "novak", Name = "Novák s.r.o.", Agreement = null });
            created.Installations.ShouldBeEmpty();
        }

        [Fact]
        public async Task Answers_409_for_a_code_that_exists_in_any_case()
        {
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("novak", "Novák"));

            using var response = await Manager.PostAsJsonAsync("/api/customers", new CreateCustomerRequest("NOVAK", "Novák again"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe("Customer 'NOVAK' exists already.");
            (await Host.CountAsync("customers")).ShouldBe(1);
        }

        [Theory]
        [InlineData("", "Customer code is required.")]
        [InlineData("no spaces", "may hold only letters")]
        public async Task Answers_400_for_a_bad_code(string code, string title)
        {
            using var response = await Manager.PostAsJsonAsync("/api/customers", new CreateCustomerRequest(code, "Name"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(title);
        }

        [Fact]
        public async Task Answers_400_problem_for_a_body_that_is_not_json()
        {
            using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

            using var response = await Manager.PostAsync(new Uri("/api/customers", UriKind.Relative), content);

            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (await Host.CountAsync("customers")).ShouldBe(0);
        }
    }

    public sealed class GetCustomer : WithManager
    {
        [Fact]
        public async Task Answers_404_problem_for_an_unknown_customer()
        {
            using var response = await Manager.GetAsync(new Uri("/api/customers/nobody", UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe("Customer 'nobody' does not exist.");
        }

        [Fact]
        public async Task Shows_the_agreement_in_force_and_the_installations()
        {
            await Manager.CoveredCustomerAsync("novak", "accounting", "payroll");

            var customer = await Manager.GetJsonAsync<CustomerDto>("/api/customers/novak");

            customer.Agreement!.Services.ShouldBe(["application-layer", "help-desk"]);
            customer.Agreement.Version.ShouldBe(1);
            var installation = customer.Installations.ShouldHaveSingleItem();
            installation.ShouldBe(new InstallationDto("novak-prod", "novak-prod", "novak", "5.2.0", installation.Modules, "Europe/Prague"));
            installation.Modules.ShouldBe(["accounting", "payroll"]);
        }

        [Fact]
        public async Task Lists_every_customer_by_code()
        {
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("novak", "Novák"));
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("horak", "Horák"));

            var customers = await Manager.GetJsonAsync<CustomerDto[]>("/api/customers");

            customers.Select(c => c.Code).ShouldBe(["horak", "novak"]);
        }
    }

    public sealed class PutAgreement : WithManager
    {
        [Fact]
        public async Task Signs_a_new_version_each_time_and_the_newest_is_in_force()
        {
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("novak", "Novák"));

            using var first = await Manager.PutAsJsonAsync("/api/customers/novak/agreement", new SetAgreementRequest(["help-desk"], []));
            using var second = await Manager.PutAsJsonAsync("/api/customers/novak/agreement", new SetAgreementRequest(["Help-Desk", "application-layer", "help-desk"], ["payroll"]));

            (await first.ReadAsync<AgreementDto>()).Version.ShouldBe(1);
            var current = await second.ReadAsync<AgreementDto>();
            current.ShouldBe(current with { Version = 2 });
            current.Services.ShouldBe(["help-desk", "application-layer"]);
            (await Manager.GetJsonAsync<CustomerDto>("/api/customers/novak")).Agreement!.Version.ShouldBe(2);
            (await Host.CountAsync("agreements")).ShouldBe(2);
        }

        [Fact]
        public async Task Answers_404_for_an_unknown_customer()
        {
            using var response = await Manager.PutAsJsonAsync("/api/customers/nobody/agreement", new SetAgreementRequest(["help-desk"], []));

            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    public sealed class PostInstallations : WithManager
    {
        [Fact]
        public async Task Answers_409_for_an_installation_code_in_use_by_any_customer()
        {
            await Manager.CoveredCustomerAsync("novak", "accounting");
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("horak", "Horák"));

            using var response = await Manager.PostAsJsonAsync("/api/customers/horak/installations", new CreateInstallationRequest("novak-prod", "x", "5.2.0", [], null));

            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        [Fact]
        public async Task Answers_404_for_an_unknown_customer()
        {
            using var response = await Manager.PostAsJsonAsync("/api/customers/nobody/installations", new CreateInstallationRequest("x-prod", "x", "5.2.0", [], null));

            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await Host.CountAsync("installations")).ShouldBe(0);
        }
    }

    public sealed class PostInstallationKeys : WithManager
    {
        [Fact]
        public async Task Creates_a_site_key_that_identifies_its_installation()
        {
            await Manager.CoveredCustomerAsync("novak", "accounting");

            var created = await Manager.PostJsonAsync<CreatedKeyDto>("/api/installations/novak-prod/keys", new { });
            using var site = Host.Client(created.Key);
            var me = await site.GetJsonAsync<SiteIdentityDto>("/api/site/me");

            created.Scope.ShouldBe("site");
            created.Installation.ShouldBe("novak-prod");
            me.ShouldBe(new SiteIdentityDto("novak-prod", "novak", "5.2.0", me.Modules, "Europe/Prague"));
            me.Modules.ShouldBe(["accounting"]);
        }

        [Fact]
        public async Task Answers_404_for_an_unknown_installation()
        {
            using var response = await Manager.PostAsync(new Uri("/api/installations/ghost/keys", UriKind.Relative), null);

            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("ghost");
            (await Host.CountAsync("api_keys")).ShouldBe(1);
        }
    }
}
