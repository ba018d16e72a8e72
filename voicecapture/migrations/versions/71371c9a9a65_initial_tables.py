"""initial tables

Revision ID: 71371c9a9a65
Revises: 
Create Date: 2026-11-23 23:41:01.506765
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '71371c9a9a65'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('board',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('help_phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('help_text', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('quick_exit_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_slug'), ['slug'], unique=True)

    op.create_table('boardsurvey',
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.PrimaryKeyConstraint('board_id', 'survey_id')
    )
    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('agency', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('area', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('work_kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('risk_type', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('risk_location', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('max_uses', sa.Integer(), nullable=True),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_token'), ['token'], unique=True)

    op.create_table('draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('survey_version', sa.Integer(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_token'), ['token'], unique=True)

    op.create_table('response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=True),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('survey_version', sa.Integer(), nullable=False),
    sa.Column('variant', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('agency', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('area', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('work_kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('risk_type', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('risk_location', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('submitted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('draft_id', name='uq_response_draft')
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_response_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_response_reference'), ['reference'], unique=True)
        batch_op.create_index(batch_op.f('ix_response_submitted_at'), ['submitted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_response_survey_id'), ['survey_id'], unique=False)

    op.create_table('answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('option_key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('response_id', 'question_key', 'option_key', name='uq_answer_option')
    )
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_response_id'), ['response_id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_response_id'))

    op.drop_table('answer')
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_survey_id'))
        batch_op.drop_index(batch_op.f('ix_response_submitted_at'))
        batch_op.drop_index(batch_op.f('ix_response_reference'))
        batch_op.drop_index(batch_op.f('ix_response_board_id'))

    op.drop_table('response')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_token'))
        batch_op.drop_index(batch_op.f('ix_draft_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_draft_board_id'))

    op.drop_table('draft')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_token'))
        batch_op.drop_index(batch_op.f('ix_invitation_board_id'))

    op.drop_table('invitation')
    op.drop_table('boardsurvey')
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_slug'))

    op.drop_table('board')

