package org.edm.web.api;

/** An API could not be reached or did not answer in time. */
public final class ApiUnavailable extends RuntimeException {

    public ApiUnavailable(String api, Throwable cause) {
        super(api + " is not reachable: " + cause.getClass().getSimpleName(), cause);
    }

}
