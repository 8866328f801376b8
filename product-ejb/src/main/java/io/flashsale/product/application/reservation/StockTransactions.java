package io.flashsale.product.application.reservation;

import io.flashsale.product.application.port.StockEvents;
import io.flashsale.product.domain.model.InsufficientStockException;
import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.ProductRepository;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.CustomerHoldings;
import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationRepository;
import io.flashsale.product.domain.model.reservation.ReservationStatus;
import io.flashsale.shared.domain.ContentionException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.shared.infrastructure.persistence.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * One transaction per call (REQUIRES_NEW), so a strategy can retry or hold a Redis lease around it. Every write
 * records its stock event in the outbox inside the same transaction. A CDI bean with JTA's {@code @Transactional},
 * not a second EJB: a reservation crosses one EJB boundary ({@link StockReservationService}), not two.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StockTransactions {

    @Inject
    ProductRepository products;

    @Inject
    ReservationRepository reservations;

    @Inject
    CustomerHoldings holdings;

    @Inject
    StockEvents events;

    /**
     * Pessimistic: {@code SELECT ... FOR UPDATE} on the product row, held until commit. The reservation row is
     * inserted before the lock is taken, so the hot row stays locked only for the lock, the stock update and the
     * event: a duplicate order id fails on the reservation's key (and replays the first) without queueing for it.
     * Row locks are always taken in one order, reservation, customer holding, product, so that reservations,
     * releases and expiries never deadlock each other.
     */
    public ReservationView reserveWithRowLock(ProductId productId, ReservationId id, Quantity quantity,
                                              HoldTerms hold) {
        Optional<Reservation> known = reservations.find(id);
        if (known.isPresent()) {
            return replay(known.get(), productId, quantity, hold);
        }
        return takeUnderRowLock(productId, Reservation.forCustomer(id, productId, quantity,
                ReservationStrategy.PESSIMISTIC.wireName(), hold.customer(), hold.expiresAt()), hold);
    }

    /**
     * A flash sale's units, pessimistically, in the caller's transaction: the sale and the reservation of its units
     * are stored together or not at all (a crash between two transactions would leak the units). It belongs to no
     * customer and never expires: only its sale settles it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReservationView reserveForSale(ProductId productId, ReservationId id, Quantity quantity) {
        return takeUnderRowLock(productId, Reservation.forSale(id, productId, quantity,
                ReservationStrategy.PESSIMISTIC.wireName()), null);
    }

    private ReservationView takeUnderRowLock(ProductId productId, Reservation reservation, HoldTerms hold) {
        try {
            reservations.store(reservation);
            products.flush();
            if (hold != null) {
                takeHolding(hold, reservation.quantity());
            }
            Product product = products.findForUpdate(productId)
                    .orElseThrow(() -> new NotFoundException("product", productId));
            product.takeStock(reservation.quantity());
            events.reserved(product, reservation);
            products.flush();
            return ReservationView.of(reservation, product.stock());
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** Optimistic: no lock; the version check at flush makes a concurrent writer lose with StaleProductException. */
    public ReservationView reserveWithVersionCheck(ProductId productId, ReservationId id, Quantity quantity,
                                                   HoldTerms hold) {
        Product product = products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
        Optional<Reservation> known = reservations.find(id);
        if (known.isPresent()) {
            return replay(known.get(), productId, quantity, hold);
        }
        try {
            takeHolding(hold, quantity); // before the product changes: a flush would lock its row first
            product.takeStock(quantity);
            return store(product, id, quantity, ReservationStrategy.OPTIMISTIC, hold);
        } catch (OptimisticLockException e) {
            throw new StaleProductException();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException
                    || e instanceof jakarta.persistence.RollbackException) {
                throw new StaleProductException();
            }
            throw translate(e);
        }
    }

    /** Under a Redis lease: a conditional UPDATE, so even a writer whose lease expired cannot oversell. */
    public ReservationView reserveWithConditionalUpdate(ProductId productId, ReservationId id, Quantity quantity,
                                                        HoldTerms hold) {
        try {
            Optional<Reservation> known = reservations.find(id);
            if (known.isPresent()) {
                return replay(known.get(), productId, quantity, hold);
            }
            takeHolding(hold, quantity);
            if (!products.takeStockIfAvailable(productId, quantity)) {
                int available = products.find(productId).map(Product::stock)
                        .orElseThrow(() -> new NotFoundException("product", productId));
                throw new InsufficientStockException(quantity, available);
            }
            Product product = products.find(productId).orElseThrow();
            return store(product, id, quantity, ReservationStrategy.REDIS_LOCK, hold);
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /**
     * Returns a customer's open reservation to stock, once. Not found unless it is of {@code productId} and the
     * requester may act on it: another customer's reservation and a sale's look exactly like none.
     */
    public ReleaseView release(ProductId productId, ReservationId id, Requester requester) {
        try {
            Reservation reservation = reservations.findForUpdate(id)
                    .filter(r -> r.productId().equals(productId) && requester.mayActOn(r))
                    .orElseThrow(() -> new NotFoundException("reservation", id));
            return giveBack(reservation, reservation.release());
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** Deletes one batch of reservations that ended before {@code before}; returns how many. */
    public int purgeEnded(Instant before, int batch) {
        return reservations.deleteEndedBefore(before, batch);
    }

    /** Returns the units of a customer's reservation whose hold has ended; false if it was closed meanwhile. */
    public boolean expire(ReservationId id, Instant now) {
        try {
            return reservations.findForUpdate(id)
                    .map(reservation -> giveBack(reservation, reservation.expire(now)).releasedQuantity() > 0)
                    .orElse(false);
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    private ReleaseView giveBack(Reservation reservation, boolean closedNow) {
        if (!closedNow) {
            return new ReleaseView(reservation.id().value(), 0, currentStock(reservation.productId()));
        }
        reservation.customer().ifPresent(customer -> holdings.giveBack(customer, reservation.quantity()));
        Product product = products.findForUpdate(reservation.productId()).orElseThrow();
        product.returnStock(reservation.quantity());
        events.released(product, reservation, reservation.quantity());
        return new ReleaseView(reservation.id().value(), reservation.quantity().value(), product.stock());
    }

    /** Keeps {@code keptUnits} of a reservation and returns the rest to the product, at most once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleaseView settle(ReservationId id, int keptUnits) {
        try {
            Reservation found = reservations.find(id).orElseThrow(() -> new NotFoundException("reservation", id));
            Product product = products.findForUpdate(found.productId()).orElseThrow();
            Reservation reservation = reservations.findForUpdate(id).orElseThrow();
            int returned = reservation.settle(keptUnits);
            if (returned > 0) {
                product.returnStock(new Quantity(returned));
                events.released(product, reservation, new Quantity(returned));
            }
            return new ReleaseView(id.value(), returned, product.stock());
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** The answer to a request that lost the race to insert the same order id: the winner's, if it may replay. */
    public ReservationView replayExisting(ProductId productId, ReservationId id, Quantity quantity, HoldTerms hold) {
        Reservation reservation = reservations.find(id).orElseThrow(() -> new ContentionException("retry"));
        return replay(reservation, productId, quantity, hold);
    }

    private int currentStock(ProductId productId) {
        return products.find(productId).map(Product::stock).orElse(0);
    }

    private void takeHolding(HoldTerms hold, Quantity quantity) {
        if (!holdings.take(hold.customer(), quantity, hold.heldUnitsLimit())) {
            throw new ReservationLimitException(hold.heldUnitsLimit());
        }
    }

    /**
     * The same request again (a client's retry) is answered with the reservation it made; anything else naming the
     * order id (another product, quantity or customer, or a reservation that has ended) is refused.
     */
    private ReservationView replay(Reservation reservation, ProductId productId, Quantity quantity, HoldTerms hold) {
        if (!reservation.productId().equals(productId) || !reservation.quantity().equals(quantity)
                || !reservation.belongsTo(hold.customer()) || reservation.status() != ReservationStatus.RESERVED) {
            throw new OrderIdReusedException(reservation.id().value());
        }
        return ReservationView.of(reservation, currentStock(productId));
    }

    private ReservationView store(Product product, ReservationId id, Quantity quantity, ReservationStrategy strategy,
                                  HoldTerms hold) {
        Reservation reservation = Reservation.forCustomer(id, product.id(), quantity, strategy.wireName(),
                hold.customer(), hold.expiresAt());
        reservations.store(reservation);
        events.reserved(product, reservation);
        products.flush();
        return ReservationView.of(reservation, product.stock());
    }

    private static RuntimeException translate(PersistenceException e) {
        if (SqlErrors.isUniqueViolation(e)) {
            return new DuplicateReservationException();
        }
        if (SqlErrors.isLockContention(e)) {
            return new ContentionException("the product is locked by other reservations; retry");
        }
        return e;
    }
}
