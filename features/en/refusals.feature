Feature: Operations that are refused
  Project invoice proposals come only from Dataverse: Finance and Operations apps don't let you create
  or delete them directly (environment/resource-dual-write-project-invoice.md). An actual is never
  written directly; its description and external description are the only fields you can edit
  (actuals/actuals-overview.md). Once confirmed, a pro-forma invoice is read-only and stays
  (proforma-invoicing/confirm-proforma-invoice.md). Our convention, where the pages are silent: a
  project invoice proposal without lines can't be posted.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob" worked 8 hours and the time is approved and ready to invoice

  @id:refuse-create-proposal @doc:seed.no-create-delete @doc:seed.one-way
  Scenario: A project invoice proposal can't be created in Finance and Operations apps
    When the accounts receivable clerk tries to create a project invoice proposal directly in Finance and Operations apps
    Then the operation is refused
    And the table Project invoice proposals holds 0 records

  @id:refuse-delete-proposal @doc:seed.no-create-delete
  Scenario: A project invoice proposal can't be deleted in Finance and Operations apps
    Given the project manager creates and confirms a pro-forma invoice for the contract
    When the accounts receivable clerk tries to delete the project invoice proposal directly in Finance and Operations apps
    Then the operation is refused
    And Finance and Operations apps hold a project invoice proposal numbered with the invoice ID

  @id:refuse-create-actual @doc:rule.actuals-read-only
  Scenario: An actual can't be created directly
    When the project manager tries to create an actual directly
    Then the operation is refused
    And the table Actuals holds 2 records

  @id:refuse-delete-actual @doc:rule.actuals-read-only
  Scenario: An actual can't be deleted
    When the project manager tries to delete the unbilled sales actual
    Then the operation is refused
    And the table Actuals holds 2 records

  @id:refuse-edit-actual @doc:rule.actuals-read-only
  Scenario Outline: The amounts and billing details of an actual can't be edited
    When the project manager tries to change "<field>" of the unbilled sales actual to "<value>"
    Then the operation is refused
    And the unbilled sales actual is unchanged

    Examples:
      | field        | value          |
      | Quantity     | 10             |
      | Amount       | 2,000.00       |
      | Billing type | Non-chargeable |

  @id:edit-actual-description @doc:rule.actuals-description-editable
  Scenario Outline: The description fields of an actual can be edited
    When the project manager changes "<field>" of the unbilled sales actual to "<value>"
    Then the unbilled sales actual shows "<value>" as "<field>"

    Examples:
      | field                | value                           |
      | Description          | Requirements workshop           |
      | External description | Workshop with the finance team  |

  @id:refuse-edit-confirmed-invoice @doc:rule.confirmed-read-only
  Scenario: A confirmed pro-forma invoice is read-only
    Given the project manager creates and confirms a pro-forma invoice for the contract
    When the project manager tries to change the description of the pro-forma invoice
    Then the operation is refused
    And the pro-forma invoice has the project invoice status "Confirmed"

  @id:refuse-delete-confirmed-invoice @doc:rule.confirmed-read-only
  Scenario: A confirmed pro-forma invoice can't be deleted
    Given the project manager creates and confirms a pro-forma invoice for the contract
    When the project manager tries to delete the pro-forma invoice
    Then the operation is refused
    And the pro-forma invoice has the project invoice status "Confirmed"

  @id:refuse-post-without-lines @doc:rule.post-needs-lines @convention
  Scenario: Our convention, as the pages are silent: a project invoice proposal without lines can't be posted
    Given the project manager creates and confirms a pro-forma invoice for the contract
    When the project accountant tries to post the project invoice proposal
    Then the operation is refused
    And the table Customer invoices holds 0 records

  @id:refuse-ready-adjusted @doc:rule.backlog-adjusted-excluded
  Scenario: An adjusted unbilled sales actual can't be marked ready to invoice
    Given the project manager creates a pro-forma invoice for the contract
    And the project manager changes the quantity of the invoice line detail to 6
    And the project manager confirms the pro-forma invoice
    When the project manager tries to mark the original unbilled sales actual ready to invoice
    Then the operation is refused
    And the original unbilled sales actual has the adjustment status "Adjusted"

  @id:refuse-ready-cost @doc:rule.backlog-unbilled-sales-only
  Scenario: Only unbilled sales can be marked ready to invoice, not a cost actual
    When the project manager tries to mark the cost actual ready to invoice
    Then the operation is refused
    And the table Actuals holds 2 records
