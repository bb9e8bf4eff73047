"""Money on screen: every amount says what it is (estimate, never sent, charged, refunded,
unknown), the balance stays fresh, today's spend per provider, the ledger and the spend guard."""
