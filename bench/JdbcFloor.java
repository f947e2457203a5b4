import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The floor under {@code status} and {@code diagnose} on a JVM (issue 19): connect with the jar's own PostgreSQL
 * driver and run the one query {@code status} asks first, nothing else. {@code bench/startup.sh} compiles it against
 * the jar and runs it with the launcher's JVM options and a start-up archive of its own ("JDBC floor" rows); what
 * {@code status} costs beyond it is migrescue's.
 *
 * <pre>java -cp target/migrescue.jar:CLASSES JdbcFloor jdbc:postgresql://127.0.0.1:5432/db?user=postgres</pre>
 */
public class JdbcFloor {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "migrescue");
        // the driver itself, not DriverManager: no other driver in the jar is loaded (the lower bound)
        try (Connection connection = new org.postgresql.Driver().connect(args[0], props);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT VERSION(), current_setting('server_version'), current_schema(), current_user")) {
            rs.next();
            System.out.println(rs.getString(2));
        }
    }
}
