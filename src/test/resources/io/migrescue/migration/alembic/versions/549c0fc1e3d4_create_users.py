"""create users

Revision ID: 549c0fc1e3d4
Revises: 
Create Date: 2026-12-06 12:07:50.015768

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '549c0fc1e3d4'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(50), server_default="anon"),
        sa.Column("age", sa.SmallInteger()),
        sa.Column("big", sa.BigInteger(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.text("true")),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("tz", sa.DateTime(timezone=True)),
        sa.Column("born", sa.Date()),
        sa.Column("bio", sa.Text()),
        sa.Column("price", sa.Numeric(10, 2)),
        sa.Column("ratio", sa.Float()),
        sa.Column("raw", sa.LargeBinary()),
        sa.Column("j", sa.JSON()),
        sa.Column("t", sa.Time()),
        sa.Column("u", sa.Unicode(20)),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ref", sa.String(20), nullable=False, unique=True, index=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_named"),
        sa.CheckConstraint("id > 0", name="ck_pos"),
    )
    op.create_index(op.f("ix_orders_user_id"), "orders", ["user_id"], unique=False)
    op.create_index("ix_u", "orders", ["user_id", "ref"], unique=True)
    op.add_column("orders", sa.Column("note", sa.String(length=100), nullable=False, server_default="x"))
    op.alter_column("orders", "note", existing_type=sa.String(length=100), nullable=True)
    op.alter_column("orders", "note", new_column_name="memo", existing_type=sa.String(100))
    op.alter_column("orders", "memo", type_=sa.Text(), existing_nullable=True)
    op.alter_column("orders", "memo", server_default="y", existing_type=sa.Text())
    op.create_foreign_key("fk_o_u", "orders", "users", ["user_id"], ["id"], ondelete="SET NULL")
    op.create_unique_constraint("uq_ref", "orders", ["ref"])
    op.create_check_constraint("ck_ref", "orders", "length(ref) > 1")
    op.drop_constraint("uq_ref", "orders", type_="unique")
    op.drop_constraint("fk_o_u", "orders", type_="foreignkey")
    op.drop_index("ix_u", table_name="orders")
    op.drop_column("orders", "memo")
    op.rename_table("orders", "orders2")
    op.execute("UPDATE users SET name = 'a'; UPDATE users SET age = 1")
    with op.batch_alter_table("orders2", schema=None) as batch_op:
        batch_op.add_column(sa.Column("qty", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_orders2_qty"), ["qty"], unique=False)
    op.drop_table("orders2")


def downgrade() -> None:
    pass
