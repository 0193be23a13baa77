Feature: Actuals of a time entry before invoicing, row by row
  The two actuals tables of Project Operations (actuals/ActualsonTM.md for time and material,
  actuals/ActualonFP.md for fixed price) list, for each event in the life of Bob Kozak's time entry, the
  actuals that exist afterwards. These scenarios replay the rows up to the confirmed contract: each one ends
  with all actuals of the time entry, compared as a whole. Bob works 8 hours; his cost rate is 100.00 per
  hour and, on time and material, his bill rate is 200.00 per hour.
  The recall of a time entry before its approval returning it to Draft is our convention (the pages give
  no status for it); the action names are ours too (docs/api.md, "Time entries").

  @id:tm-1 @row:tm-1
  Scenario: Time is entered: no actuals yet
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    When "Bob Kozak" enters 8 hours on the project
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |

  @id:tm-2 @row:tm-2 @doc:rule.time-submitted-journal
  Scenario: Time is submitted: journal lines at the default rates, no actuals
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    When "Bob Kozak" submits the time entry
    Then the journal lines of the time entry are:
      | Transaction type | Billing type | Quantity | Amount   |
      | Cost             |              | 8        | 800.00   |
      | Unbilled sales   | Chargeable   | 8        | 1,600.00 |
    And the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |

  @id:tm-3 @row:tm-3 @doc:rule.recall-before-approval @convention
  Scenario: The time entry is recalled before approval: no actuals
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    When "Bob Kozak" recalls the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |
    And the journal lines of the time entry are:
      | Transaction type | Billing type | Quantity | Amount |

  @id:tm-4 @row:tm-4 @doc:rule.actuals-on-approval
  Scenario: Approved with billable hours equal to the submitted hours
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    When the project manager approves the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount   | Billing type | Adjustment status | Billing status         |
      | Cost             | 8        | 800.00   |              |                   |                        |
      | Unbilled sales   | 8        | 1,600.00 | Chargeable   |                   | Unbilled sales created |

  @id:tm-5 @row:tm-5 @doc:rule.approve-billable-below
  Scenario: Approved with fewer billable hours: the rest is non-chargeable
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager sets the billable hours of the time entry to 6
    When the project manager approves the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount   | Billing type   | Adjustment status | Billing status         |
      | Cost             | 8        | 800.00   |                |                   |                        |
      | Unbilled sales   | 6        | 1,200.00 | Chargeable     |                   | Unbilled sales created |
      | Unbilled sales   | 2        | 400.00   | Non-chargeable |                   | Unbilled sales created |

  @id:tm-6 @row:tm-6 @doc:rule.approve-billable-above
  Scenario: Approved with more billable hours than submitted
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager sets the billable hours of the time entry to 10
    When the project manager approves the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount   | Billing type | Adjustment status | Billing status         |
      | Cost             | 8        | 800.00   |              |                   |                        |
      | Unbilled sales   | 10       | 2,000.00 | Chargeable   |                   | Unbilled sales created |

  @id:tm-7 @row:tm-7 @doc:rule.cancel-approval-reverses
  Scenario: The approval is cancelled: originals adjusted, reversals unadjustable
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When the project manager cancels the approval of the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00    |              | Adjusted          | Canceled       |
      | Cost             | -8       | -800.00   |              | Unadjustable      | Canceled       |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   | Adjusted          | Canceled       |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Canceled       |

  @id:tm-8 @row:tm-8 @doc:rule.recall-approved-reverses
  Scenario: The time entry is recalled after approval: its actuals are reversed
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When "Bob Kozak" recalls the time entry
    And the project manager approves the recall of the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00    |              | Adjusted          | Canceled       |
      | Cost             | -8       | -800.00   |              | Unadjustable      | Canceled       |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   | Adjusted          | Canceled       |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Canceled       |

  @id:tm-9 @row:tm-9 @doc:rule.contract-confirm-reevaluates
  Scenario: The contract is confirmed: actuals reversed and created anew from the contract
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When the project manager confirms the contract
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status         |
      | Cost             | 8        | 800.00    |              | Adjusted          |                        |
      | Cost             | -8       | -800.00   |              | Unadjustable      |                        |
      | Cost             | 8        | 800.00    |              |                   |                        |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   | Adjusted          | Unbilled sales created |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Unbilled sales created |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   |                   | Unbilled sales created |

  @id:fp-1 @row:fp-1
  Scenario: Fixed price: time is entered, no actuals yet
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    When "Bob Kozak" enters 8 hours on the project
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |

  @id:fp-2 @row:fp-2 @doc:rule.time-submitted-journal
  Scenario: Fixed price: time is submitted, a cost journal line only
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    When "Bob Kozak" submits the time entry
    Then the journal lines of the time entry are:
      | Transaction type | Billing type | Quantity | Amount |
      | Cost             |              | 8        | 800.00 |
    And the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |

  @id:fp-3 @row:fp-3 @doc:rule.recall-before-approval @convention
  Scenario: Fixed price: the time entry is recalled before approval
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    When "Bob Kozak" recalls the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |
    And the journal lines of the time entry are:
      | Transaction type | Billing type | Quantity | Amount |

  @id:fp-4 @row:fp-4 @doc:rule.actuals-on-approval
  Scenario: Fixed price: approval creates only a cost actual
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    When the project manager approves the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00 |              |                   |                |

  @id:fp-5 @row:fp-5 @doc:rule.cancel-approval-reverses
  Scenario: Fixed price: the approval is cancelled
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When the project manager cancels the approval of the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount  | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00  |              | Adjusted          | Canceled       |
      | Cost             | -8       | -800.00 |              | Unadjustable      | Canceled       |

  @id:fp-6 @row:fp-6 @doc:rule.recall-approved-reverses
  Scenario: Fixed price: the time entry is recalled after approval
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When "Bob Kozak" recalls the time entry
    And the project manager approves the recall of the time entry
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount  | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00  |              | Adjusted          | Canceled       |
      | Cost             | -8       | -800.00 |              | Unadjustable      | Canceled       |

  @id:fp-7 @row:fp-7 @doc:rule.contract-confirm-reevaluates
  Scenario: Fixed price: the contract is confirmed
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills the project at a fixed price of 5,000.00, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    When the project manager confirms the contract
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount  | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00  |              | Adjusted          |                |
      | Cost             | -8       | -800.00 |              | Unadjustable      |                |
      | Cost             | 8        | 800.00  |              |                   |                |

  @id:recall-draft-refused @doc:rule.time-entry-transitions
  Scenario: A draft time entry cannot be recalled
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    When "Bob Kozak" tries to recall the time entry
    Then the operation is refused
    And the actuals of the time entry are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |

  @id:cancel-invoiced-refused @doc:rule.cancel-recall-not-invoiced
  Scenario: The approval of time on a draft invoice cannot be cancelled
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozak" enters 8 hours on the project
    And "Bob Kozak" submits the time entry
    And the project manager approves the time entry
    And the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager tries to cancel the approval of the time entry
    Then the operation is refused
    And the actuals of the time entry are:
      | Transaction type | Quantity | Amount   | Billing type | Adjustment status | Billing status           |
      | Cost             | 8        | 800.00   |              |                   |                          |
      | Unbilled sales   | 8        | 1,600.00 | Chargeable   |                   | Customer invoice created |
