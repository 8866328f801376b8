package io.flashsale.product.application.reservation;

import io.flashsale.product.domain.model.InsufficientStockException;
import io.flashsale.product.domain.model.Product;
import io.flashsale.product.domain.model.ProductId;
import io.flashsale.product.domain.model.ProductRepository;
import io.flashsale.product.domain.model.Quantity;
import io.flashsale.product.domain.model.reservation.Reservation;
import io.flashsale.product.domain.model.reservation.ReservationId;
import io.flashsale.product.domain.model.reservation.ReservationRepository;
import io.flashsale.product.domain.model.stock.StockEvents;
import io.flashsale.shared.domain.ContentionException;
import io.flashsale.shared.domain.NotFoundException;
import io.flashsale.shared.infrastructure.persistence.SqlErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

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
    StockEvents events;

    /**
     * Pessimistic: {@code SELECT ... FOR UPDATE} on the product row, held until commit. The reservation row is
     * inserted before the lock is taken, so the hot row stays locked only for the lock, the stock update and the
     * event: a duplicate order id fails on the reservation's key (and replays the first) without queueing for it.
     */
    public ReservationView reserveWithRowLock(ProductId productId, ReservationId id, Quantity quantity) {
        try {
            Optional<Reservation> known = reservations.find(id);
            if (known.isPresent()) {
                return replay(known.get(), productId, quantity, currentStock(productId));
            }
            Reservation reservation = new Reservation(id, productId, quantity,
                    ReservationStrategy.PESSIMISTIC.wireName());
            reservations.store(reservation);
            products.flush();
            Product product = products.findForUpdate(productId)
                    .orElseThrow(() -> new NotFoundException("product", productId));
            product.takeStock(quantity);
            events.reserved(product, reservation);
            products.flush();
            return new ReservationView(id.value(), productId.value(), quantity.value(), product.stock(),
                    reservation.strategy());
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /**
     * A flash sale's units, pessimistically, in the caller's transaction: the sale and the reservation of its units
     * are stored together or not at all (a crash between two transactions would leak the units).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReservationView reserveForSale(ProductId productId, ReservationId id, Quantity quantity) {
        return reserveWithRowLock(productId, id, quantity);
    }

    /** Optimistic: no lock; the version check at flush makes a concurrent writer lose with StaleProductException. */
    public ReservationView reserveWithVersionCheck(ProductId productId, ReservationId id, Quantity quantity) {
        Product product = products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
        Optional<ReservationView> existing = existing(id, productId, quantity, product.stock());
        if (existing.isPresent()) {
            return existing.get();
        }
        product.takeStock(quantity);
        try {
            return store(product, id, quantity, ReservationStrategy.OPTIMISTIC);
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
    public ReservationView reserveWithConditionalUpdate(ProductId productId, ReservationId id, Quantity quantity) {
        try {
            Optional<ReservationView> existing = reservations.find(id).map(r -> replay(r, productId, quantity,
                    products.find(productId).map(Product::stock).orElse(0)));
            if (existing.isPresent()) {
                return existing.get();
            }
            if (!products.takeStockIfAvailable(productId, quantity)) {
                int available = products.find(productId).map(Product::stock)
                        .orElseThrow(() -> new NotFoundException("product", productId));
                throw new InsufficientStockException(quantity, available);
            }
            Product product = products.find(productId).orElseThrow();
            return store(product, id, quantity, ReservationStrategy.REDIS_LOCK);
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** Locks in the same order as a reservation (product, then reservation), so the two never deadlock. */
    public ReleaseView release(ReservationId id) {
        try {
            Reservation found = reservations.find(id).orElseThrow(() -> new NotFoundException("reservation", id));
            Product product = products.findForUpdate(found.productId()).orElseThrow();
            Reservation reservation = reservations.findForUpdate(id).orElseThrow();
            if (reservation.release()) {
                product.returnStock(reservation.quantity());
                events.released(product, reservation, reservation.quantity());
            }
            return new ReleaseView(id.value(), reservation.quantity().value(), product.stock());
        } catch (PersistenceException e) {
            throw translate(e);
        }
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

    public Optional<ReservationView> find(ReservationId id) {
        return reservations.find(id).map(r -> new ReservationView(r.id().value(), r.productId().value(),
                r.quantity().value(), currentStock(r.productId()), r.strategy()));
    }

    private int currentStock(ProductId productId) {
        return products.find(productId).map(Product::stock).orElse(0);
    }

    private Optional<ReservationView> existing(ReservationId id, ProductId productId, Quantity quantity, int stock) {
        return reservations.find(id).map(r -> replay(r, productId, quantity, stock));
    }

    private static ReservationView replay(Reservation reservation, ProductId productId, Quantity quantity, int stock) {
        if (!reservation.productId().equals(productId) || !reservation.quantity().equals(quantity)) {
            throw new OrderIdReusedException(reservation.id().value());
        }
        return new ReservationView(reservation.id().value(), productId.value(), quantity.value(), stock,
                reservation.strategy());
    }

    private ReservationView store(Product product, ReservationId id, Quantity quantity, ReservationStrategy strategy) {
        Reservation reservation = new Reservation(id, product.id(), quantity, strategy.wireName());
        reservations.store(reservation);
        events.reserved(product, reservation);
        products.flush();
        return new ReservationView(id.value(), product.id().value(), quantity.value(), product.stock(),
                strategy.wireName());
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
