package dev.cdrgateway.domain.port;

import dev.cdrgateway.domain.Customer;

import dev.cdrgateway.domain.port.PagedResult;

import java.util.List;

/** One upstream page of customers and the size of the whole (searched) list. */
public record CustomerPage(List<Customer> rows, long total) implements PagedResult<Customer> {
}
