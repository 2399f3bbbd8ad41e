/**
 * What the user typed into the search box, parsed with web-search syntax
 * ({@link org.edm.search.query.syntax.UserQueryParser} into a
 * {@link org.edm.search.query.syntax.UserQuery}), and the refusals of a query that cannot
 * be searched (empty, too long, too complex, only exclusions). Plain Java: the search
 * turns the parsed query into tsquery text and SQL.
 */
@NullMarked
package org.edm.search.query.syntax;

import org.jspecify.annotations.NullMarked;
