using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>HotLine consultations, data fixes and feature requests with their quotes.</summary>
public sealed class WorkService(ServiceDeskDirectory directory, IWorkStore work, ITicketStore tickets, IContactStore contacts, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, string[]> ConsultationAreas = new Dictionary<string, string[]>
    {
        ["consulting"] = ["accounting", "payroll", "finance", "production"],
        ["technical"] = ["software", "hardware", "networks"],
    };

    public const string IsDefect = "is-defect";
    public const string ImproperUse = "improper-use";

    /// <summary>Logs a HotLine consultation with its time; customer support, so its time is chargeable (included hours first).</summary>
    public async Task<WorkItemDto> AddConsultationAsync(ConsultationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(request.Customer, cancellationToken);
        var agreement = await directory.AgreementAsync(customer, ServiceDeskDirectory.Day(request.StartedAt), cancellationToken);
        if (!agreement.Includes(ServiceNames.HotLine))
        {
            throw new UserException($"The agreement of '{customer.Code}' does not include the service '{ServiceNames.HotLine}'.");
        }

        var type = (request.Type ?? string.Empty).Trim().ToLowerInvariant();
        if (!ConsultationAreas.TryGetValue(type, out var areas))
        {
            throw new UserException($"Consultation type '{request.Type}' is not one of: consulting, technical.");
        }

        var area = (request.Area ?? string.Empty).Trim().ToLowerInvariant();
        if (!areas.Contains(area))
        {
            throw new UserException($"A {type} consultation's area '{request.Area}' is not one of: {string.Join(", ", areas)}.");
        }

        await RequireTicketAsync(customer, request.Ticket, cancellationToken);
        var item = new WorkItem(0, customer.Id, WorkItemKind.Consultation, Require.Text(request.Topic, "Topic", 200), $"{type}/{area}", true, null, Require.Text(request.Outcome, "Outcome", 2000), request.Ticket, time.GetUtcNow());
        var entry = TimeService.NewEntry(customer.Id, "C-?", request.Ticket, null, WorkKind.Consultation, true, request.Worker, request.StartedAt, request.Minutes, item.Title);
        TimeService.RequireWithinLife(entry with { Reference = "the consultation" }, null, string.Empty, time.GetUtcNow());
        var stored = await work.AddItemAsync(item, entry, cancellationToken)
            ?? throw new UserException($"The consultation's time overlaps other time of {entry.Worker}.");
        return stored.ToDto(customer.Code, false, null);
    }

    /// <summary>A data error: covered by application-layer support when an IS defect caused it, billable customer support when improper use did.</summary>
    public async Task<WorkItemDto> AddDataFixAsync(DataFixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(request.Customer, cancellationToken);
        var agreement = await directory.AgreementAsync(customer, ServiceDeskDirectory.Day(time.GetUtcNow()), cancellationToken);
        var cause = (request.Cause ?? string.Empty).Trim().ToLowerInvariant();
        if (cause is not (IsDefect or ImproperUse))
        {
            throw new UserException($"The cause '{request.Cause}' is not one of: {IsDefect}, {ImproperUse}.");
        }

        await RequireTicketAsync(customer, request.Ticket, cancellationToken);
        var chargeable = cause == ImproperUse || !agreement.Includes(ServiceNames.ApplicationLayer);
        var item = new WorkItem(0, customer.Id, WorkItemKind.DataFix, Require.Text(request.Title, "Title", 200), cause, chargeable, null, string.Empty, request.Ticket, time.GetUtcNow());
        var stored = await work.AddItemAsync(item, null, cancellationToken);
        return stored!.ToDto(customer.Code, false, null);
    }

    /// <summary>A feature beyond application-layer support: billable; above the agreement's threshold it needs an approved quote.</summary>
    public async Task<WorkItemDto> AddFeatureAsync(FeatureRequestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(request.Customer, cancellationToken);
        var agreement = await directory.AgreementAsync(customer, ServiceDeskDirectory.Day(time.GetUtcNow()), cancellationToken);
        if (request.EstimateHours <= 0 || request.EstimateHours > 100_000)
        {
            throw new UserException("The estimate must be a positive number of hours.");
        }

        await RequireTicketAsync(customer, request.Ticket, cancellationToken);
        var estimate = (int)decimal.Ceiling(request.EstimateHours * 60);
        var item = new WorkItem(0, customer.Id, WorkItemKind.Feature, Require.Text(request.Title, "Title", 200), "feature", true, estimate, string.Empty, request.Ticket, time.GetUtcNow());
        var stored = await work.AddItemAsync(item, null, cancellationToken);
        return stored!.ToDto(customer.Code, estimate > agreement.Terms.QuoteThresholdMinutes, null);
    }

    public async Task<IReadOnlyList<WorkItemDto>> ListAsync(string customerCode, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var agreement = (await directory.HistoryAsync(customer, cancellationToken)).On(ServiceDeskDirectory.Day(time.GetUtcNow()));
        var threshold = agreement?.Terms.QuoteThresholdMinutes ?? AgreementTerms.Default.QuoteThresholdMinutes;
        var result = new List<WorkItemDto>();
        foreach (var item in await work.ListItemsAsync(customer.Id, cancellationToken))
        {
            var quote = item.Kind == WorkItemKind.Feature ? await work.FindQuoteForItemAsync(item.Id, cancellationToken) : null;
            result.Add(item.ToDto(customer.Code, item.EstimateMinutes > threshold, quote));
        }

        return result;
    }

    /// <summary>Sends a quote with its technical specification for a feature (one per feature).</summary>
    public async Task<QuoteDto> QuoteAsync(string feature, CreateQuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FeatureAsync(feature, cancellationToken);
        if (request.Price <= 0)
        {
            throw new UserException("The quoted price must be positive.");
        }

        var basis = KebabNames.Parse<QuoteBasis>(request.Basis, "Quote basis", QuoteBasis.Fixed);
        var price = decimal.Round(request.Price, 2);
        decimal? cap = null;
        if (basis == QuoteBasis.Estimate)
        {
            cap = request.Cap is { } c ? decimal.Round(c, 2) : throw new UserException("An estimate needs a cap (the most its time is billed at), e.g. --cap 80000.");
            if (cap < price)
            {
                throw new UserException($"The cap {cap:0.00} CZK is below the estimate of {price:0.00} CZK.");
            }
        }
        else if (request.Cap is not null)
        {
            throw new UserException("A fixed price has no cap; a cap is for an estimate (--estimate).");
        }

        if (await work.FindQuoteForItemAsync(item.Id, cancellationToken) is not null)
        {
            throw new ConflictException($"Feature {item.Reference} has a quote already.");
        }

        if (await work.MinutesOnItemAsync(item.Id, cancellationToken) > 0)
        {
            throw new ConflictException($"Feature {item.Reference} has time logged already; a quote comes before the work it prices.");
        }

        var quote = await work.AddQuoteAsync(
            new Quote(0, item.Id, price, Require.Text(request.Specification, "Technical specification", 50_000), time.GetUtcNow(), null, null, basis, cap),
            cancellationToken);
        return quote.ToDto(item.Reference);
    }

    /// <summary>Records the customer's approval: only a contact of the same customer may give it; who and when are kept.</summary>
    public async Task<QuoteDto> ApproveAsync(string feature, ApproveQuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var item = await FeatureAsync(feature, cancellationToken);
        var quote = await work.FindQuoteForItemAsync(item.Id, cancellationToken) ?? throw new NotFoundException($"Feature {item.Reference} has no quote yet (applayer quote send {item.Reference}).");
        var customer = await directory.CustomerAsync(item.CustomerId, cancellationToken);
        var email = ContactService.Email(request.Contact);
        var contact = await contacts.FindByEmailAsync(email, cancellationToken);
        if (contact is null || contact.CustomerId != customer.Id)
        {
            throw new UserException($"'{email}' is not a contact of customer '{customer.Code}'; only its own contacts may approve its quote.");
        }

        var approved = await work.ApproveQuoteAsync(quote.Id, contact.Email, time.GetUtcNow(), cancellationToken)
            ?? throw new ConflictException($"Quote {quote.Id} was approved already.");
        return approved.ToDto(item.Reference);
    }

    private async Task<WorkItem> FeatureAsync(string reference, CancellationToken cancellationToken)
    {
        var (kind, id) = TimeService.ParseItemReference(reference);
        if (kind != WorkItemKind.Feature)
        {
            throw new UserException($"'{reference}' is not a feature; quotes are for features (F-5).");
        }

        var item = await work.FindItemAsync(id, cancellationToken);
        return item is { Kind: WorkItemKind.Feature } ? item : throw new NotFoundException($"Feature '{reference}' does not exist.");
    }

    private async Task RequireTicketAsync(Customer customer, long? ticketId, CancellationToken cancellationToken)
    {
        if (ticketId is { } id && (await tickets.FindAsync(id, cancellationToken))?.CustomerId != customer.Id)
        {
            throw new UserException($"Ticket {Ticket.TagPrefix}{id} is not a ticket of customer '{customer.Code}'.");
        }
    }
}
